package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.adapter.http.common.JsonValues;
import io.bedrockgateway.domain.json.JsonValue;

/** A tool call's input as the JSON text OpenAI's {@code arguments} carry. */
final class ToolInput {
  private ToolInput() {}

  static String text(ObjectMapper json, JsonValue input) {
    try {
      return json.writeValueAsString(JsonValues.toNode(input));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tool input could not be written as JSON", e);
    }
  }
}
