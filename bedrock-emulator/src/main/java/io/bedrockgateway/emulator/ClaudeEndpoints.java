package io.bedrockgateway.emulator;

import io.bedrockgateway.emulator.Fault.Interruption;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Serves InvokeModel and InvokeModelWithResponseStream for Claude models: Anthropic's Messages
 * format, with the emulator's deterministic answers, prompt cache and fault directives.
 */
final class ClaudeEndpoints {
  static final String CLAUDE_MODELS = "anthropic.";

  private static final String EVENT_STREAM = "application/vnd.amazon.eventstream";
  private static final String JSON = "application/json";

  private final RequestJournal journal;
  private final Pacer pacer;
  private final AnswerPlanner planner;

  ClaudeEndpoints(RequestJournal journal, Pacer pacer, AnswerPlanner planner) {
    this.journal = journal;
    this.pacer = pacer;
    this.planner = planner;
  }

  static boolean serves(String modelId) {
    return InvokeEndpoints.baseModelId(modelId).startsWith(CLAUDE_MODELS);
  }

  /** InvokeModel, once the request was recorded and its model found to be Claude. */
  void invoke(Context ctx, RequestOrigin origin, long startNanos) throws InterruptedException {
    ClaudeAnswer answer = answer(ctx, origin);
    AnswerPlan plan = answer.plan();
    ConverseEndpoints.awaitWholeAnswer(pacer, plan);
    ctx.header("X-Amzn-Bedrock-Input-Token-Count", Integer.toString(plan.inputTokens()));
    ctx.header("X-Amzn-Bedrock-Output-Token-Count", Integer.toString(answer.outputTokens()));
    ctx.header(
        "X-Amzn-Bedrock-Cache-Read-Input-Token-Count", Integer.toString(plan.cache().readTokens()));
    ctx.header(
        "X-Amzn-Bedrock-Cache-Write-Input-Token-Count",
        Integer.toString(plan.cache().writeTokens()));
    ctx.header("X-Amzn-Bedrock-Invocation-Latency", Long.toString(millisSince(startNanos)));
    ctx.contentType(JSON);
    ctx.result(WireJson.write(answer.message()));
  }

  /** InvokeModelWithResponseStream: each Anthropic stream event in its own {@code chunk}. */
  void invokeStream(Context ctx) throws IOException, InterruptedException {
    long startNanos = System.nanoTime();
    RequestOrigin origin = ConverseEndpoints.record(ctx, BedrockOperation.INVOKE_STREAM, journal);
    InferenceProfiles.requireOnDemandCapable(origin.modelId());
    if (!serves(origin.modelId())) {
      throw BedrockServiceException.validation("The provided model identifier is invalid.");
    }
    ClaudeAnswer answer = answer(ctx, origin);
    AnswerPlan plan = answer.plan();
    ctx.contentType(EVENT_STREAM);
    ctx.header("X-Amzn-Bedrock-Content-Type", JSON);
    ctx.res().flushBuffer();
    EventStreamWriter events = new EventStreamWriter(ctx.res().getOutputStream());
    pacer.await(plan.timeToFirstToken());
    long firstByteLatency = millisSince(startNanos);
    chunk(events, Map.of("type", "message_start", "message", answer.startedMessage()));
    if (!answer.thinking().isEmpty()) {
      thinking(events, answer);
    }
    int text = answer.textIndex();
    chunk(events, blockStart(text, Map.of("type", "text", "text", "")));
    List<String> tokens = plan.tokensToSend();
    for (int index = 0; index < tokens.size(); index++) {
      if (index > 0) {
        pacer.await(plan.tokenDelay());
      }
      chunk(events, delta(text, Map.of("type", "text_delta", "text", tokens.get(index))));
    }
    switch (plan.interruption().orElse(null)) {
      case null -> {
        chunk(events, blockStop(text));
        if (plan.toolCall().isPresent()) {
          toolUse(events, text + 1, plan.toolCall().get());
        }
        Map<String, Object> stop = new LinkedHashMap<>();
        stop.put("stop_reason", plan.stopReason());
        stop.put("stop_sequence", null);
        chunk(
            events,
            Map.of(
                "type",
                "message_delta",
                "delta",
                stop,
                "usage",
                Map.of("output_tokens", answer.outputTokens())));
        chunk(
            events,
            Map.of(
                "type",
                "message_stop",
                "amazon-bedrock-invocationMetrics",
                answer.invocationMetrics(millisSince(startNanos), firstByteLatency)));
      }
      case Interruption interruption -> ConverseEndpoints.interrupt(events, pacer, interruption);
    }
  }

  private ClaudeAnswer answer(Context ctx, RequestOrigin origin) {
    ClaudeRequest request = ClaudeRequestParser.parse(ctx.bodyAsBytes());
    AnswerPlan plan = planner.plan(request.conversation(), origin);
    return ClaudeAnswer.of(origin.modelId(), request, plan);
  }

  private static void thinking(EventStreamWriter events, ClaudeAnswer answer) throws IOException {
    chunk(events, blockStart(0, Map.of("type", "thinking", "thinking", "", "signature", "")));
    for (String token : answer.thinking()) {
      chunk(events, delta(0, Map.of("type", "thinking_delta", "thinking", token)));
    }
    chunk(events, delta(0, Map.of("type", "signature_delta", "signature", answer.signature())));
    chunk(events, blockStop(0));
  }

  /** A tool block as Claude streams one: start with an empty input, the input in pieces, stop. */
  private static void toolUse(EventStreamWriter events, int index, ToolCall call)
      throws IOException {
    chunk(
        events,
        blockStart(
            index,
            Map.of(
                "type",
                "tool_use",
                "id",
                call.toolUseId(),
                "name",
                call.name(),
                "input",
                Map.of())));
    for (String piece : call.inputPieces()) {
      chunk(events, delta(index, Map.of("type", "input_json_delta", "partial_json", piece)));
    }
    chunk(events, blockStop(index));
  }

  private static Map<String, Object> blockStart(int index, Map<String, Object> block) {
    return Map.of("type", "content_block_start", "index", index, "content_block", block);
  }

  private static Map<String, Object> delta(int index, Map<String, Object> delta) {
    return Map.of("type", "content_block_delta", "index", index, "delta", delta);
  }

  private static Map<String, Object> blockStop(int index) {
    return Map.of("type", "content_block_stop", "index", index);
  }

  /** One Anthropic stream event, base64 in the {@code bytes} of a {@code chunk} frame. */
  private static void chunk(EventStreamWriter events, Map<String, Object> event)
      throws IOException {
    events.event(
        "chunk", Map.of("bytes", Base64.getEncoder().encodeToString(WireJson.write(event))));
  }

  /** The input tokens CountTokens reports for a Claude body: every token of its prompt. */
  static int countTokens(byte[] body) {
    return ClaudeRequestParser.parse(body).conversation().inputTokens();
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
