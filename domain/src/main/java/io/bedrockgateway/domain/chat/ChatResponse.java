package io.bedrockgateway.domain.chat;

import java.util.Objects;

/** A complete (non-streamed) answer. */
public record ChatResponse(
    ChatMessage message,
    StopReason stopReason,
    TokenUsage usage,
    long latencyMs,
    ModelId servedModel) {
  public ChatResponse {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(stopReason, "stopReason");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(servedModel, "servedModel");
    if (latencyMs < 0) {
      throw new IllegalArgumentException("latencyMs must not be negative");
    }
  }
}
