package io.bedrockgateway.domain.chat;

import java.util.Objects;

/** What a finished stream amounted to. */
public record StreamSummary(
    StopReason stopReason, TokenUsage usage, long latencyMs, ModelId servedModel) {
  public StreamSummary {
    Objects.requireNonNull(stopReason, "stopReason");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(servedModel, "servedModel");
  }
}
