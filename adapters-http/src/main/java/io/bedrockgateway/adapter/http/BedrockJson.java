package io.bedrockgateway.adapter.http;

import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.TokenUsage;
import java.util.List;
import java.util.Map;

/**
 * Answers in the shapes of Bedrock's Converse and ConverseStream APIs, which existing clients parse
 * (camelCase, stream events keyed by event name).
 */
final class BedrockJson {
  private BedrockJson() {}

  record ConverseResponse(Output output, String stopReason, Usage usage, Metrics metrics) {}

  record Output(Message message) {}

  record Message(String role, List<Text> content) {}

  record Text(String text) {}

  record Usage(long inputTokens, long outputTokens, long totalTokens) {}

  record Metrics(long latencyMs) {}

  record MessageStart(String role) {}

  record ContentBlockStart(Map<String, Object> start, int contentBlockIndex) {}

  record ContentBlockDelta(Text delta, int contentBlockIndex) {}

  record ContentBlockStop(int contentBlockIndex) {}

  record MessageStop(String stopReason) {}

  record Metadata(Usage usage, Metrics metrics) {}

  static ConverseResponse converseResponse(ChatResponse response) {
    return new ConverseResponse(
        new Output(message(response.message())),
        response.stopReason().wireName(),
        usage(response.usage()),
        new Metrics(response.latencyMs()));
  }

  /** One ConverseStream event, e.g. {@code {"messageStop":{"stopReason":"end_turn"}}}. */
  static Map<String, Object> streamEvent(ChatStreamEvent event) {
    return switch (event) {
      case ChatStreamEvent.MessageStart start ->
          Map.of("messageStart", new MessageStart(start.role().wireName()));
      case ChatStreamEvent.ContentBlockStart start ->
          Map.of("contentBlockStart", new ContentBlockStart(Map.of(), start.index()));
      case ChatStreamEvent.TextDelta delta ->
          Map.of("contentBlockDelta", new ContentBlockDelta(new Text(delta.text()), delta.index()));
      case ChatStreamEvent.ContentBlockStop stop ->
          Map.of("contentBlockStop", new ContentBlockStop(stop.index()));
      case ChatStreamEvent.MessageStop stop ->
          Map.of("messageStop", new MessageStop(stop.stopReason().wireName()));
      case ChatStreamEvent.Metadata metadata ->
          Map.of(
              "metadata", new Metadata(usage(metadata.usage()), new Metrics(metadata.latencyMs())));
    };
  }

  private static Message message(ChatMessage message) {
    return new Message(
        message.role().wireName(), message.content().stream().map(BedrockJson::text).toList());
  }

  private static Text text(ContentBlock block) {
    return switch (block) {
      case TextBlock text -> new Text(text.text());
    };
  }

  private static Usage usage(TokenUsage usage) {
    return new Usage(usage.inputTokens(), usage.outputTokens(), usage.totalTokens());
  }
}
