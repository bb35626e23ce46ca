package io.bedrockgateway.client;

import com.fasterxml.jackson.databind.JsonNode;

/** The native API's stream events (Bedrock ConverseStream events as JSON) read as StreamEvents. */
final class StreamEventJson {
  private StreamEventJson() {}

  /** The event, or null for an event this client does not know (skipped, as Bedrock adds some). */
  static StreamEvent read(JsonNode event) {
    if (event.has("messageStart")) {
      return new StreamEvent.MessageStart(event.get("messageStart").path("role").asText());
    }
    if (event.has("contentBlockStart")) {
      JsonNode start = event.get("contentBlockStart");
      JsonNode toolUse = start.path("start").path("toolUse");
      return toolUse.isObject()
          ? new StreamEvent.ToolUseStart(
              index(start), toolUse.path("toolUseId").asText(), toolUse.path("name").asText())
          : null;
    }
    if (event.has("contentBlockDelta")) {
      return delta(event.get("contentBlockDelta"));
    }
    if (event.has("contentBlockStop")) {
      return new StreamEvent.ContentBlockStop(index(event.get("contentBlockStop")));
    }
    if (event.has("messageStop")) {
      return new StreamEvent.MessageStop(event.get("messageStop").path("stopReason").asText());
    }
    if (event.has("metadata")) {
      JsonNode metadata = event.get("metadata");
      return new StreamEvent.Metadata(
          usage(metadata.path("usage")), metadata.path("metrics").path("latencyMs").asLong());
    }
    return null;
  }

  static Usage usage(JsonNode usage) {
    return new Usage(
        usage.path("inputTokens").asInt(),
        usage.path("outputTokens").asInt(),
        usage.path("totalTokens").asInt(),
        usage.path("cacheReadInputTokens").asInt(),
        usage.path("cacheWriteInputTokens").asInt());
  }

  private static StreamEvent delta(JsonNode block) {
    JsonNode delta = block.path("delta");
    int index = index(block);
    if (delta.has("text")) {
      return new StreamEvent.TextDelta(index, delta.get("text").asText());
    }
    if (delta.has("toolUse")) {
      return new StreamEvent.ToolInputDelta(index, delta.get("toolUse").path("input").asText());
    }
    if (delta.has("reasoningContent")) {
      JsonNode reasoning = delta.get("reasoningContent");
      return new StreamEvent.ReasoningDelta(
          index, text(reasoning, "text"), text(reasoning, "signature"));
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static int index(JsonNode block) {
    return block.path("contentBlockIndex").asInt();
  }
}
