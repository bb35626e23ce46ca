package io.bedrockgateway.application.service;

import io.bedrockgateway.domain.chat.ModelId;
import java.util.Objects;

/** The models that embed when a request names none. */
public record EmbedSettings(ModelId defaultTextModel, ModelId defaultImageModel) {
  public EmbedSettings {
    Objects.requireNonNull(defaultTextModel, "defaultTextModel");
    Objects.requireNonNull(defaultImageModel, "defaultImageModel");
  }
}
