package io.bedrockgateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The gateway's error answers ({@code {"error","detail","request_id","retry_after","limit"}}) as
 * exceptions: 429 is {@link BedrockClientException.RateLimited} with its retry time, 502/503/504
 * {@link BedrockClientException.Unavailable} (the only statuses a call falls back on), another 4xx
 * {@link BedrockClientException.Refused}, anything else {@link BedrockClientException.Failed}.
 */
final class GatewayErrors {
  private static final int MAX_ERROR_BYTES = 64 * 1024;

  private GatewayErrors() {}

  static BedrockClientException of(HttpResponse<?> response, AnswerBody body, ObjectMapper json) {
    int status = response.statusCode();
    JsonNode error = errorBody(body, json);
    String detail = text(error, "detail");
    if (status == 429) {
      return new BedrockClientException.RateLimited(
          Path.GATEWAY, retryAfter(response, error), text(error, "limit"), detail);
    }
    FailureCause cause = FailureCause.ofStatus(status);
    if (cause != null) {
      return new BedrockClientException.Unavailable(Path.GATEWAY, cause, detail, null);
    }
    String summary = error.path("error").asText("HTTP " + status);
    if (status >= 400 && status < 500) {
      return new BedrockClientException.Refused(Path.GATEWAY, status, summary, detail);
    }
    return new BedrockClientException.Failed(
        Path.GATEWAY, status, summary + (detail == null ? "" : ": " + detail), null);
  }

  private static JsonNode errorBody(AnswerBody body, ObjectMapper json) {
    try {
      byte[] bytes = body.readAll(MAX_ERROR_BYTES);
      return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }

  private static Duration retryAfter(HttpResponse<?> response, JsonNode error) {
    if (error.path("retry_after").canConvertToLong()) {
      return Duration.ofSeconds(error.get("retry_after").asLong());
    }
    return response
        .headers()
        .firstValue("Retry-After")
        .filter(value -> value.matches("\\d{1,9}"))
        .map(value -> Duration.ofSeconds(Long.parseLong(value)))
        .orElse(null);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
