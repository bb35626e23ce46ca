package io.bedrockgateway.adapter.http.bedrock;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of Bedrock's CountTokens: {@code {"input":{"invokeModel":{"body":"<base64>"}}}} or
 * {@code {"input":{"converse":{...}}}}; validated later.
 */
record CountTokensJson(Input input) {
  record Input(InvokeModel invokeModel, JsonNode converse) {}

  record InvokeModel(String body) {}

  /** The answer: {@code {"inputTokens": n}}. */
  record Counted(long inputTokens) {}
}
