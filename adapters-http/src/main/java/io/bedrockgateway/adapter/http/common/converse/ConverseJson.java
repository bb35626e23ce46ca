package io.bedrockgateway.adapter.http.common.converse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.common.JsonValues;
import io.bedrockgateway.domain.chat.CachePoint;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.DocumentBlock;
import io.bedrockgateway.domain.chat.ImageBlock;
import io.bedrockgateway.domain.chat.JsonBlock;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.ReasoningBlock;
import io.bedrockgateway.domain.chat.RedactedReasoningBlock;
import io.bedrockgateway.domain.chat.RemoteImageBlock;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.chat.ToolResultBlock;
import io.bedrockgateway.domain.chat.ToolResultContent;
import io.bedrockgateway.domain.chat.ToolUseBlock;
import io.bedrockgateway.domain.media.BinaryData;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers in the shapes of Bedrock's Converse and ConverseStream APIs (camelCase, stream events
 * keyed by event name), for the surfaces that speak them: the native API, whose clients parse them,
 * and the Bedrock-native one. The model's reasoning is Bedrock's {@code reasoningContent}: {@code
 * reasoningText} (text and signature) or {@code redactedContent} (base64) in an answer, {@code
 * text}, {@code signature} or {@code redactedContent} deltas in a stream. The native API adds
 * {@code servedModel}: the model that answered, which a fallback chain may have chosen; the
 * Bedrock-native one answers exactly as Bedrock does.
 */
public final class ConverseJson {
  private static final String REASONING_CONTENT = "reasoningContent";
  private static final String REDACTED_CONTENT = "redactedContent";

  private ConverseJson() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ConverseResponse(
      Output output, String stopReason, Usage usage, Metrics metrics, String servedModel) {}

  record Output(Message message) {}

  record Message(String role, List<Map<String, Object>> content) {}

  record Text(String text) {}

  record ToolUseInput(String input) {}

  record ToolUseStart(String toolUseId, String name) {}

  record ToolUse(String toolUseId, String name, JsonNode input) {}

  record ToolResult(String toolUseId, List<Map<String, Object>> content, String status) {}

  record Image(String format, Source source) {}

  record Document(String format, String name, Source source) {}

  record Source(String bytes) {}

  /** Bedrock's {@code reasoningText}: the signature only when the model signed its reasoning. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ReasoningText(String text, String signature) {}

  /** Bedrock's usage; the cache counts only when the prompt cache was used, as Bedrock does. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Usage(
      long inputTokens,
      long outputTokens,
      long totalTokens,
      Long cacheReadInputTokens,
      Long cacheWriteInputTokens) {}

  record Metrics(long latencyMs) {}

  record MessageStart(String role) {}

  record ContentBlockStart(Map<String, Object> start, int contentBlockIndex) {}

  record ContentBlockDelta(Map<String, Object> delta, int contentBlockIndex) {}

  record ContentBlockStop(int contentBlockIndex) {}

  record MessageStop(String stopReason) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Metadata(Usage usage, Metrics metrics, String servedModel) {}

  /** The Converse response; with {@code servedModel} when the model that answered is named. */
  public static Object converseResponse(ChatResponse response, Optional<ModelId> servedModel) {
    return new ConverseResponse(
        new Output(message(response.message())),
        response.stopReason().wireName(),
        usage(response.usage()),
        new Metrics(response.latencyMs()),
        servedModel.map(ModelId::value).orElse(null));
  }

  /**
   * One ConverseStream event, e.g. {@code {"messageStop":{"stopReason":"end_turn"}}}; the metadata
   * event also names the model that served the stream, when it is given.
   */
  public static Map<String, Object> streamEvent(
      ChatStreamEvent event, Optional<ModelId> servedModel) {
    return switch (event) {
      case ChatStreamEvent.MessageStart start ->
          Map.of("messageStart", new MessageStart(start.role().wireName()));
      case ChatStreamEvent.ContentBlockStart start ->
          Map.of("contentBlockStart", new ContentBlockStart(Map.of(), start.index()));
      case ChatStreamEvent.ToolUseStart start ->
          Map.of(
              "contentBlockStart",
              new ContentBlockStart(
                  Map.of("toolUse", new ToolUseStart(start.toolUseId(), start.name())),
                  start.index()));
      case ChatStreamEvent.TextDelta delta ->
          Map.of(
              "contentBlockDelta",
              new ContentBlockDelta(Map.of("text", delta.text()), delta.index()));
      case ChatStreamEvent.ReasoningDelta delta ->
          reasoningDelta(delta.index(), "text", delta.text());
      case ChatStreamEvent.ReasoningSignatureDelta delta ->
          reasoningDelta(delta.index(), "signature", delta.signature());
      case ChatStreamEvent.RedactedReasoningDelta delta ->
          reasoningDelta(delta.index(), REDACTED_CONTENT, base64(delta.data()));
      case ChatStreamEvent.ToolUseDelta delta ->
          Map.of(
              "contentBlockDelta",
              new ContentBlockDelta(
                  Map.of("toolUse", new ToolUseInput(delta.input())), delta.index()));
      case ChatStreamEvent.ContentBlockStop stop ->
          Map.of("contentBlockStop", new ContentBlockStop(stop.index()));
      case ChatStreamEvent.MessageStop stop ->
          Map.of("messageStop", new MessageStop(stop.stopReason().wireName()));
      case ChatStreamEvent.Metadata metadata ->
          Map.of(
              "metadata",
              new Metadata(
                  usage(metadata.usage()),
                  new Metrics(metadata.latencyMs()),
                  servedModel.map(ModelId::value).orElse(null)));
    };
  }

  /** {@code {"contentBlockDelta":{"delta":{"reasoningContent":{<member>:<value>}},...}}}. */
  private static Map<String, Object> reasoningDelta(int index, String member, String value) {
    return Map.of(
        "contentBlockDelta",
        new ContentBlockDelta(Map.of(REASONING_CONTENT, Map.of(member, value)), index));
  }

  private static Message message(ChatMessage message) {
    return new Message(
        message.role().wireName(), message.content().stream().map(ConverseJson::block).toList());
  }

  private static Map<String, Object> block(ContentBlock block) {
    return switch (block) {
      case TextBlock text -> Map.of("text", text.text());
      case ImageBlock image -> Map.of("image", image(image));
      case DocumentBlock document -> Map.of("document", document(document));
      case ToolUseBlock toolUse ->
          Map.of(
              "toolUse",
              new ToolUse(toolUse.toolUseId(), toolUse.name(), JsonValues.toNode(toolUse.input())));
      case CachePoint cachePoint -> Map.of("cachePoint", Map.of("type", "default"));
      case ReasoningBlock reasoning ->
          Map.of(
              REASONING_CONTENT,
              Map.of(
                  "reasoningText",
                  new ReasoningText(reasoning.text(), reasoning.signature().orElse(null))));
      case RedactedReasoningBlock redacted ->
          Map.of(REASONING_CONTENT, Map.of(REDACTED_CONTENT, base64(redacted.data())));
      // what a client named by URL is fetched before the model sees it, so no answer holds it
      case RemoteImageBlock remote -> Map.of("image", Map.of("url", remote.url().toString()));
      case ToolResultBlock result ->
          Map.of(
              "toolResult",
              new ToolResult(
                  result.toolUseId(),
                  result.content().stream().map(ConverseJson::toolResultPart).toList(),
                  result.status().map(ToolResultBlock.Status::wireName).orElse(null)));
    };
  }

  private static Map<String, Object> toolResultPart(ToolResultContent part) {
    return switch (part) {
      case TextBlock text -> Map.of("text", text.text());
      case JsonBlock json -> Map.of("json", JsonValues.toNode(json.json()));
      case ImageBlock image -> Map.of("image", image(image));
      case DocumentBlock document -> Map.of("document", document(document));
    };
  }

  private static Image image(ImageBlock image) {
    return new Image(image.format().wireName(), source(image.data()));
  }

  private static Document document(DocumentBlock document) {
    return new Document(document.format().wireName(), document.name(), source(document.data()));
  }

  private static Source source(BinaryData data) {
    return new Source(base64(data));
  }

  private static String base64(BinaryData data) {
    return Base64.getEncoder().encodeToString(data.bytes());
  }

  private static Usage usage(TokenUsage usage) {
    boolean cached = usage.cacheReadInputTokens() > 0 || usage.cacheWriteInputTokens() > 0;
    return new Usage(
        usage.inputTokens(),
        usage.outputTokens(),
        usage.totalTokens(),
        cached ? usage.cacheReadInputTokens() : null,
        cached ? usage.cacheWriteInputTokens() : null);
  }
}
