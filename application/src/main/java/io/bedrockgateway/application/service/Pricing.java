package io.bedrockgateway.application.service;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.image.ImageQuality;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prices what a model used, and warns once per model that has no price: its usage is still
 * recorded, with the cost unknown.
 */
final class Pricing {
  private static final System.Logger LOG = System.getLogger(Pricing.class.getName());
  // model ids come from callers; the warnings must not become a way to grow memory without bound
  private static final int MAX_WARNED_MODELS = 1_000;

  private final PriceTable table;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  Pricing(PriceTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  Optional<Usd> cost(ModelId model, TokenUsage usage) {
    return warnedIfUnknown(model, table.cost(model, usage), "token", "MODEL_PRICES_FILE");
  }

  Optional<Usd> imageCost(ModelId model, int width, int height, ImageQuality quality, int count) {
    return warnedIfUnknown(
        model, table.imageCost(model, width, height, quality, count), "image", "IMAGE_PRICES_FILE");
  }

  private Optional<Usd> warnedIfUnknown(
      ModelId model, Optional<Usd> cost, String kind, String file) {
    if (cost.isEmpty()
        && warned.size() < MAX_WARNED_MODELS
        && warned.add(kind + " " + model.baseModelId())) {
      LOG.log(
          Level.WARNING,
          "Model {0} has no {1} price: its usage is recorded with the cost unknown."
              + " Add it to the file named by {2}.",
          model.baseModelId(),
          kind,
          file);
    }
    return cost;
  }
}
