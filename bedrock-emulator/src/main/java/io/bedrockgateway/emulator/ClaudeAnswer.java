package io.bedrockgateway.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A Claude model's answer in Anthropic's Messages format, made from the emulator's deterministic
 * plan: a thinking block with its signature when the request enabled extended thinking, the text,
 * and the tool call the request asked for.
 */
record ClaudeAnswer(String id, String model, AnswerPlan plan, List<String> thinking) {

  private static final Pattern VERSION_SUFFIX = Pattern.compile("-v\\d+(:\\d+)?$");

  static ClaudeAnswer of(String modelId, ClaudeRequest request, AnswerPlan plan) {
    String base = InvokeEndpoints.baseModelId(modelId);
    String model = VERSION_SUFFIX.matcher(base.replaceFirst("^anthropic\\.", "")).replaceAll("");
    List<String> thinking =
        EmulatedReasoning.of(request.conversation(), request.thinkingBudget()).tokens();
    String id = "msg_bdrk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    return new ClaudeAnswer(id, model, plan, List.copyOf(thinking));
  }

  /** The signature of the thinking block: deterministic, opaque, like Bedrock's. */
  String signature() {
    return EmulatedReasoning.signatureOf(String.join("", thinking));
  }

  int outputTokens() {
    return plan.outputTokens() + thinking.size();
  }

  /** The index of the text block: after the thinking block, if there is one. */
  int textIndex() {
    return thinking.isEmpty() ? 0 : 1;
  }

  /** The whole message, as InvokeModel answers. */
  Map<String, Object> message() {
    List<Map<String, Object>> content = new ArrayList<>();
    if (!thinking.isEmpty()) {
      content.add(
          Map.of(
              "type", "thinking", "thinking", String.join("", thinking), "signature", signature()));
    }
    content.add(Map.of("type", "text", "text", String.join("", plan.tokens())));
    plan.toolCall()
        .ifPresent(
            call ->
                content.add(
                    Map.of(
                        "type",
                        "tool_use",
                        "id",
                        call.toolUseId(),
                        "name",
                        call.name(),
                        "input",
                        call.input())));
    Map<String, Object> message = start(content);
    message.put("stop_reason", plan.stopReason());
    message.put("usage", usage(outputTokens()));
    return message;
  }

  /** The message of {@code message_start}: no content yet, the input's usage. */
  Map<String, Object> startedMessage() {
    Map<String, Object> message = start(List.of());
    message.put("stop_reason", null);
    message.put("usage", usage(1));
    return message;
  }

  private Map<String, Object> start(List<Map<String, Object>> content) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", id);
    message.put("type", "message");
    message.put("role", "assistant");
    message.put("model", model);
    message.put("content", content);
    message.put("stop_sequence", null);
    return message;
  }

  private Map<String, Object> usage(int outputTokens) {
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("input_tokens", plan.inputTokens());
    usage.put("cache_creation_input_tokens", plan.cache().writeTokens());
    usage.put("cache_read_input_tokens", plan.cache().readTokens());
    usage.put("output_tokens", outputTokens);
    return usage;
  }

  /** Bedrock's own counts, in the last chunk of a stream. */
  Map<String, Object> invocationMetrics(long latencyMs, long firstByteLatencyMs) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("inputTokenCount", plan.inputTokens());
    metrics.put("outputTokenCount", outputTokens());
    metrics.put("invocationLatency", latencyMs);
    metrics.put("firstByteLatency", firstByteLatencyMs);
    metrics.put("cacheReadInputTokenCount", plan.cache().readTokens());
    metrics.put("cacheWriteInputTokenCount", plan.cache().writeTokens());
    return metrics;
  }
}
