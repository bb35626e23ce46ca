package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.catalog.CatalogEntry;
import io.bedrockgateway.domain.cost.ImagePrice;
import io.bedrockgateway.domain.cost.ModelPrice;
import java.util.Objects;
import java.util.Optional;

/** A configured model, with what it costs where the price table knows it. */
public record ModelDescription(
    CatalogEntry entry, Optional<ModelPrice> tokenPrice, Optional<ImagePrice> imagePrice) {
  public ModelDescription {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(tokenPrice, "tokenPrice");
    Objects.requireNonNull(imagePrice, "imagePrice");
  }
}
