package io.bedrockgateway.application.service;

import io.bedrockgateway.domain.chat.ModelId;
import java.util.Objects;

/** What the chat use case needs from configuration. */
public record ConverseSettings(ModelId defaultChatModel) {
  public ConverseSettings {
    Objects.requireNonNull(defaultChatModel, "defaultChatModel");
  }
}
