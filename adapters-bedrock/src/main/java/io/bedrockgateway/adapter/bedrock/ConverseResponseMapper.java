package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.ReasoningBlock;
import io.bedrockgateway.domain.chat.RedactedReasoningBlock;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.UpstreamFailed;
import io.bedrockgateway.domain.media.BinaryData;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStart;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Converse answers and stream events as domain types, the model's reasoning with its signature and
 * its redacted (encrypted) reasoning included. What the domain cannot express (citations, generated
 * images, event kinds newer than the SDK) is skipped, not an error.
 */
final class ConverseResponseMapper {

  private ConverseResponseMapper() {}

  static ChatResponse toChatResponse(ConverseResponse response, ModelId servedModel) {
    StopReason stopReason = StopReason.fromWireName(response.stopReasonAsString());
    List<io.bedrockgateway.domain.chat.ContentBlock> content =
        answerBlocks(response).stream().flatMap(block -> answerBlock(block).stream()).toList();
    if (content.isEmpty()) {
      throw new UpstreamFailed(
          "Bedrock answered without any text (stop reason " + stopReason.wireName() + ")");
    }
    return new ChatResponse(
        new ChatMessage(Role.ASSISTANT, content),
        stopReason,
        usage(response.usage()),
        response.metrics() == null ? 0 : orZero(response.metrics().latencyMs()),
        servedModel);
  }

  private static Optional<io.bedrockgateway.domain.chat.ContentBlock> answerBlock(
      ContentBlock block) {
    if (block.toolUse() != null) {
      ToolUseBlock toolUse = block.toolUse();
      return Optional.of(
          new io.bedrockgateway.domain.chat.ToolUseBlock(
              toolUse.toolUseId(), toolUse.name(), Documents.toJsonValue(toolUse.input())));
    }
    if (block.reasoningContent() != null) {
      return reasoning(block.reasoningContent());
    }
    return Optional.ofNullable(block.text()).filter(text -> !text.isBlank()).map(TextBlock::new);
  }

  private static Optional<io.bedrockgateway.domain.chat.ContentBlock> reasoning(
      ReasoningContentBlock reasoning) {
    if (reasoning.reasoningText() != null) {
      ReasoningTextBlock text = reasoning.reasoningText();
      Optional<String> signature =
          Optional.ofNullable(text.signature()).filter(signed -> !signed.isBlank());
      String thought = Objects.requireNonNullElse(text.text(), "");
      if (thought.isEmpty() && signature.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ReasoningBlock(thought, signature));
    }
    return opaque(reasoning.redactedContent()).map(RedactedReasoningBlock::new);
  }

  private static Optional<BinaryData> opaque(SdkBytes bytes) {
    return Optional.ofNullable(bytes)
        .map(SdkBytes::asByteArray)
        .filter(data -> data.length > 0)
        .map(BinaryData::new);
  }

  static Optional<ChatStreamEvent> toStreamEvent(ConverseStreamOutput output) {
    return switch (output) {
      case MessageStartEvent start -> Optional.of(new ChatStreamEvent.MessageStart(role(start)));
      case ContentBlockStartEvent start -> Optional.of(blockStart(start));
      case ContentBlockDeltaEvent delta -> delta(delta);
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

  private static ChatStreamEvent blockStart(ContentBlockStartEvent event) {
    int index = index(event.contentBlockIndex());
    ContentBlockStart start = event.start();
    if (start != null && start.toolUse() != null) {
      return new ChatStreamEvent.ToolUseStart(
          index, start.toolUse().toolUseId(), start.toolUse().name());
    }
    return new ChatStreamEvent.ContentBlockStart(index);
  }

  private static Optional<ChatStreamEvent> delta(ContentBlockDeltaEvent event) {
    ContentBlockDelta delta = event.delta();
    int index = index(event.contentBlockIndex());
    if (delta == null) {
      return Optional.empty();
    }
    return switch (delta.type()) {
      case TEXT -> Optional.of(new ChatStreamEvent.TextDelta(index, delta.text()));
      case TOOL_USE ->
          Optional.of(new ChatStreamEvent.ToolUseDelta(index, delta.toolUse().input()));
      case REASONING_CONTENT -> reasoningDelta(index, delta.reasoningContent());
      default -> Optional.empty();
    };
  }

  private static Optional<ChatStreamEvent> reasoningDelta(
      int index, ReasoningContentBlockDelta delta) {
    return switch (delta.type()) {
      case TEXT -> Optional.of(new ChatStreamEvent.ReasoningDelta(index, delta.text()));
      case SIGNATURE ->
          Optional.ofNullable(delta.signature())
              .filter(signature -> !signature.isBlank())
              .map(signature -> new ChatStreamEvent.ReasoningSignatureDelta(index, signature));
      case REDACTED_CONTENT ->
          opaque(delta.redactedContent())
              .map(data -> new ChatStreamEvent.RedactedReasoningDelta(index, data));
      default -> Optional.empty();
    };
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
    return new TokenUsage(
        orZero(usage.inputTokens()),
        orZero(usage.outputTokens()),
        orZero(usage.cacheReadInputTokens()),
        orZero(usage.cacheWriteInputTokens()));
  }

  private static long orZero(Number value) {
    return value == null ? 0 : value.longValue();
  }
}
