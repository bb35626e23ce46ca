package io.bedrockgateway.domain.image;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.media.BinaryData;
import java.util.List;
import java.util.Objects;

/** Generated images, each an encoded picture (PNG unless the model only makes another format). */
public record GeneratedImages(List<BinaryData> images, ModelId servedModel) {
  public GeneratedImages {
    images = List.copyOf(Objects.requireNonNull(images, "images"));
    Objects.requireNonNull(servedModel, "servedModel");
    if (images.isEmpty()) {
      throw new IllegalArgumentException("at least one image");
    }
  }
}
