package io.bedrockgateway.domain.cost;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.image.ImageQuality;
import java.util.Map;
import java.util.Optional;

/**
 * Prices by base model id: per token, and per generated image. Inference-profile ids and ARNs are
 * priced as their base model; the premium some geographic profiles carry is not modelled.
 */
public record PriceTable(Map<String, ModelPrice> byBaseModel, Map<String, ImagePrice> images) {
  public static final PriceTable EMPTY = new PriceTable(Map.of(), Map.of());

  public PriceTable {
    byBaseModel = Map.copyOf(byBaseModel);
    images = Map.copyOf(images);
  }

  /** Token prices only. */
  public PriceTable(Map<String, ModelPrice> byBaseModel) {
    this(byBaseModel, Map.of());
  }

  public Optional<ModelPrice> priceOf(ModelId model) {
    return Optional.ofNullable(byBaseModel.get(model.baseModelId()));
  }

  public Optional<ImagePrice> imagePriceOf(ModelId model) {
    return Optional.ofNullable(images.get(model.baseModelId()));
  }

  /** The cost of {@code usage} on {@code model}, or empty when the model has no price. */
  public Optional<Usd> cost(ModelId model, TokenUsage usage) {
    return priceOf(model).map(price -> price.cost(usage));
  }

  /** The cost of {@code count} images, or empty when the model has no image price. */
  public Optional<Usd> imageCost(
      ModelId model, int width, int height, ImageQuality quality, int count) {
    return imagePriceOf(model).map(price -> price.perImage(width, height, quality).times(count));
  }
}
