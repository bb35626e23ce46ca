package io.bedrockgateway.domain.catalog;

import io.bedrockgateway.domain.chat.ModelId;
import java.util.Objects;
import java.util.Optional;

/** One place a request can be sent: a model, in a region or in the gateway's own region. */
public record ModelTarget(ModelId model, Optional<Region> region) {
  public ModelTarget {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(region, "region");
  }

  public static ModelTarget of(ModelId model) {
    return new ModelTarget(model, Optional.empty());
  }

  @Override
  public String toString() {
    return region.map(name -> model + "@" + name).orElse(model.value());
  }
}
