package io.bedrockgateway.bootstrap.config;

import io.bedrockgateway.domain.chat.ModelId;
import java.util.Objects;

/** The models used when a request names none, one per kind of operation. */
public record ModelDefaults(
    ModelId chat, ModelId textEmbedding, ModelId imageEmbedding, ModelId image) {
  public ModelDefaults {
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(textEmbedding, "textEmbedding");
    Objects.requireNonNull(imageEmbedding, "imageEmbedding");
    Objects.requireNonNull(image, "image");
  }
}
