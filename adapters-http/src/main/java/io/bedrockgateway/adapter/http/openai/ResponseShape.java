package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.TokenUsage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Responses API answer around its output items: its id, its status ({@code completed}, or {@code
 * incomplete} when the model ran out of tokens) and the request's settings it repeats.
 */
final class ResponseShape {
  private final ResponsesOrder order;
  private final String id;
  private final long createdAt;

  ResponseShape(ResponsesOrder order, String requestId, long createdAt) {
    this.order = order;
    this.id = "resp_" + requestId;
    this.createdAt = createdAt;
  }

  String id() {
    return id;
  }

  /** The response before any output, as a stream's first events carry it. */
  ResponsesJson.Response inProgress(String model) {
    return response(model, "in_progress", Optional.empty(), List.of(), null);
  }

  ResponsesJson.Response finished(
      String model, StopReason stopReason, List<Object> output, TokenUsage usage) {
    boolean incomplete =
        stopReason == StopReason.MAX_TOKENS
            || stopReason == StopReason.MODEL_CONTEXT_WINDOW_EXCEEDED
            || stopReason == StopReason.GUARDRAIL_INTERVENED
            || stopReason == StopReason.CONTENT_FILTERED;
    Optional<ResponsesJson.IncompleteDetails> details =
        incomplete
            ? Optional.of(
                new ResponsesJson.IncompleteDetails(
                    stopReason == StopReason.MAX_TOKENS
                            || stopReason == StopReason.MODEL_CONTEXT_WINDOW_EXCEEDED
                        ? "max_output_tokens"
                        : "content_filter"))
            : Optional.empty();
    return response(
        model,
        incomplete ? "incomplete" : "completed",
        details,
        output,
        new ResponsesJson.Usage(
            UsageJson.promptTokens(usage),
            new ResponsesJson.InputDetails(usage.cacheReadInputTokens()),
            usage.outputTokens(),
            new ResponsesJson.OutputDetails(0),
            usage.totalTokens()));
  }

  private ResponsesJson.Response response(
      String model,
      String status,
      Optional<ResponsesJson.IncompleteDetails> details,
      List<Object> output,
      ResponsesJson.Usage usage) {
    ResponsesJson.Request request = order.request();
    return new ResponsesJson.Response(
        id,
        "response",
        createdAt,
        status,
        null,
        details.orElse(null),
        request.instructions(),
        request.maxOutputTokens(),
        request.model() == null ? model : request.model(),
        output,
        true,
        request.temperature(),
        request.topP(),
        request.toolChoice() == null
            ? JsonNodeFactory.instance.textNode("auto")
            : request.toolChoice(),
        request.tools() == null ? JsonNodeFactory.instance.arrayNode() : request.tools(),
        Map.of(),
        false,
        usage);
  }
}
