package io.bedrockgateway.domain.embedding;

import io.bedrockgateway.domain.media.BinaryData;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** An image, with an optional caption, to embed into one vector. */
public record ImageEmbeddingRequest(
    BinaryData image, Optional<String> text, OptionalInt dimensions) {
  public ImageEmbeddingRequest {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(dimensions, "dimensions");
    if (text.filter(String::isBlank).isPresent()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    dimensions.ifPresent(
        value -> {
          if (value < 1) {
            throw new IllegalArgumentException("dimensions must be positive");
          }
        });
  }
}
