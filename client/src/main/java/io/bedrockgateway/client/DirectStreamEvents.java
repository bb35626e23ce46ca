package io.bedrockgateway.client;

import java.util.Objects;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

/** The SDK's ConverseStream events as ours: the same events the gateway's native API streams. */
final class DirectStreamEvents {
  private DirectStreamEvents() {}

  /** The event, or null for one this client does not know. */
  static StreamEvent of(ConverseStreamOutput output) {
    return switch (output) {
      case MessageStartEvent start -> new StreamEvent.MessageStart(start.roleAsString());
      case ContentBlockStartEvent start ->
          start.start() != null && start.start().toolUse() != null
              ? new StreamEvent.ToolUseStart(
                  index(start.contentBlockIndex()),
                  start.start().toolUse().toolUseId(),
                  start.start().toolUse().name())
              : null;
      case ContentBlockDeltaEvent delta -> delta(index(delta.contentBlockIndex()), delta.delta());
      case ContentBlockStopEvent stop ->
          new StreamEvent.ContentBlockStop(index(stop.contentBlockIndex()));
      case MessageStopEvent stop -> new StreamEvent.MessageStop(stop.stopReasonAsString());
      case ConverseStreamMetadataEvent metadata ->
          new StreamEvent.Metadata(
              DirectMessages.usage(metadata.usage()),
              metadata.metrics() == null || metadata.metrics().latencyMs() == null
                  ? 0
                  : metadata.metrics().latencyMs());
      default -> null;
    };
  }

  private static StreamEvent delta(int index, ContentBlockDelta delta) {
    if (delta == null) {
      return null;
    }
    if (delta.text() != null) {
      return new StreamEvent.TextDelta(index, delta.text());
    }
    if (delta.toolUse() != null) {
      return new StreamEvent.ToolInputDelta(index, delta.toolUse().input());
    }
    if (delta.reasoningContent() != null) {
      return new StreamEvent.ReasoningDelta(
          index, delta.reasoningContent().text(), delta.reasoningContent().signature());
    }
    return null;
  }

  private static int index(Integer contentBlockIndex) {
    return Objects.requireNonNullElse(contentBlockIndex, 0);
  }
}
