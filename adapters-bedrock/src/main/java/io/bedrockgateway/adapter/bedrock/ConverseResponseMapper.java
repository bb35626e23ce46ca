package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.UpstreamFailed;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

/**
 * Converse answers and stream events as domain types. What the domain cannot express yet (tool use,
 * reasoning, citations, images, event kinds newer than the SDK) is skipped, not an error.
 */
final class ConverseResponseMapper {

  private ConverseResponseMapper() {}

  static ChatResponse toChatResponse(ConverseResponse response, ModelId requestedModel) {
    StopReason stopReason = StopReason.fromWireName(response.stopReasonAsString());
    List<TextBlock> text =
        answerBlocks(response).stream()
            .map(ContentBlock::text)
            .filter(value -> value != null && !value.isBlank())
            .map(TextBlock::new)
            .toList();
    if (text.isEmpty()) {
      throw new UpstreamFailed(
          "Bedrock answered without any text (stop reason " + stopReason.wireName() + ")");
    }
    return new ChatResponse(
        new ChatMessage(Role.ASSISTANT, List.copyOf(text)),
        stopReason,
        usage(response.usage()),
        response.metrics() == null ? 0 : orZero(response.metrics().latencyMs()),
        requestedModel);
  }

  static Optional<ChatStreamEvent> toStreamEvent(ConverseStreamOutput output) {
    return switch (output) {
      case MessageStartEvent start -> Optional.of(new ChatStreamEvent.MessageStart(role(start)));
      case ContentBlockStartEvent start ->
          Optional.of(new ChatStreamEvent.ContentBlockStart(index(start.contentBlockIndex())));
      case ContentBlockDeltaEvent delta -> textDelta(delta);
      case ContentBlockStopEvent stop ->
          Optional.of(new ChatStreamEvent.ContentBlockStop(index(stop.contentBlockIndex())));
      case MessageStopEvent stop ->
          Optional.of(
              new ChatStreamEvent.MessageStop(StopReason.fromWireName(stop.stopReasonAsString())));
      case ConverseStreamMetadataEvent metadata ->
          Optional.of(
              new ChatStreamEvent.Metadata(
                  usage(metadata.usage()),
                  metadata.metrics() == null ? 0 : orZero(metadata.metrics().latencyMs())));
      default -> Optional.empty();
    };
  }

  private static List<ContentBlock> answerBlocks(ConverseResponse response) {
    if (response.output() == null || response.output().message() == null) {
      return List.of();
    }
    return response.output().message().content();
  }

  private static Optional<ChatStreamEvent> textDelta(ContentBlockDeltaEvent event) {
    ContentBlockDelta delta = event.delta();
    if (delta == null || delta.type() != ContentBlockDelta.Type.TEXT) {
      return Optional.empty();
    }
    return Optional.of(
        new ChatStreamEvent.TextDelta(index(event.contentBlockIndex()), delta.text()));
  }

  private static Role role(MessageStartEvent start) {
    return start.role() == ConversationRole.USER ? Role.USER : Role.ASSISTANT;
  }

  private static int index(Integer contentBlockIndex) {
    return Objects.requireNonNullElse(contentBlockIndex, 0);
  }

  private static TokenUsage usage(
      software.amazon.awssdk.services.bedrockruntime.model.TokenUsage usage) {
    if (usage == null) {
      return TokenUsage.NONE;
    }
    return new TokenUsage(orZero(usage.inputTokens()), orZero(usage.outputTokens()));
  }

  private static long orZero(Number value) {
    return value == null ? 0 : value.longValue();
  }
}
