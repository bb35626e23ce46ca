package io.bedrockgateway.application.service;

import io.bedrockgateway.domain.chat.ModelId;
import java.util.Objects;

/**
 * What the chat use case needs from configuration.
 *
 * @param outputTokensToReserve the output a request without {@code max_tokens} may produce, as
 *     reserved against token limits and budgets until the request settles
 */
public record ConverseSettings(ModelId defaultChatModel, int outputTokensToReserve) {
  public ConverseSettings {
    Objects.requireNonNull(defaultChatModel, "defaultChatModel");
    if (outputTokensToReserve < 1) {
      throw new IllegalArgumentException("outputTokensToReserve must be at least 1");
    }
  }
}
