package io.bedrockgateway.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Converse request bodies, as raw JSON strings, for tests that bypass the SDK. */
final class ConverseBodies {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ConverseBodies() {}

  static String userSays(String text) {
    return json(Map.of("messages", List.of(userMessage(text))));
  }

  static String userSays(String text, int maxTokens) {
    return json(
        Map.of(
            "messages", List.of(userMessage(text)),
            "inferenceConfig", Map.of("maxTokens", maxTokens)));
  }

  private static Map<String, Object> userMessage(String text) {
    return Map.of("role", "user", "content", List.of(Map.of("text", text)));
  }

  private static String json(Object document) {
    try {
      return MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
