package io.bedrockgateway.domain.cost;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import java.util.Map;
import java.util.Optional;

/**
 * Prices by base model id. Inference-profile ids and ARNs are priced as their base model; the
 * premium some geographic profiles carry is not modelled.
 */
public record PriceTable(Map<String, ModelPrice> byBaseModel) {
  public static final PriceTable EMPTY = new PriceTable(Map.of());

  public PriceTable {
    byBaseModel = Map.copyOf(byBaseModel);
  }

  public Optional<ModelPrice> priceOf(ModelId model) {
    return Optional.ofNullable(byBaseModel.get(model.baseModelId()));
  }

  /** The cost of {@code usage} on {@code model}, or empty when the model has no price. */
  public Optional<Usd> cost(ModelId model, TokenUsage usage) {
    return priceOf(model).map(price -> price.cost(usage));
  }
}
