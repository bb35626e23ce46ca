package io.bedrockgateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The answer to one InvokeModel call, and the tokens Bedrock reports in its headers. */
record InvokeAnswer(Map<String, Object> body, int inputTokens, int outputTokens) {

  /** One model family's InvokeModel body: where its text is, and how it is answered. */
  interface Model {
    /** The prompt text of a request, where directives are read. */
    String text(JsonNode request);

    /**
     * @throws BedrockServiceException a ValidationException for a body the model rejects
     */
    InvokeAnswer answer(JsonNode request);
  }

  static BedrockServiceException malformed(String problem) {
    return BedrockServiceException.validation("Malformed input request: " + problem);
  }

  static String requiredText(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw malformed("#: required key [" + field + "] not found or empty");
    }
    return value.asText();
  }

  static int number(JsonNode node, String field, int fallback) {
    JsonNode value = node.get(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isIntegralNumber()) {
      throw malformed("#/" + field + ": expected type: Integer");
    }
    return value.intValue();
  }
}
