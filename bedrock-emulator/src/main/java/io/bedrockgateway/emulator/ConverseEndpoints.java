package io.bedrockgateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.emulator.Fault.FailAfterDeltas;
import io.bedrockgateway.emulator.Fault.Interruption;
import io.bedrockgateway.emulator.Fault.StallAfterDeltas;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Serves Converse and ConverseStream with the emulator's deterministic answers; a Claude model
 * asked to think ({@code additionalModelRequestFields.thinking}) answers with its signed reasoning
 * first.
 */
final class ConverseEndpoints {

  private static final String EVENT_STREAM = "application/vnd.amazon.eventstream";
  private static final String ASSISTANT = "assistant";
  private static final String REASONING = "reasoningContent";

  /**
   * What the emulator answers: the plan, and the reasoning of a Claude model asked to think, which
   * comes first, in block 0, and counts as output.
   */
  private record Answer(AnswerPlan plan, EmulatedReasoning reasoning) {
    int textBlock() {
      return reasoning.isEmpty() ? 0 : 1;
    }

    int outputTokens() {
      return plan.outputTokens() + reasoning.tokens().size();
    }
  }

  private final RequestJournal journal;
  private final Pacer pacer;
  private final AnswerPlanner planner;

  ConverseEndpoints(RequestJournal journal, Pacer pacer, AnswerPlanner planner) {
    this.journal = journal;
    this.pacer = pacer;
    this.planner = planner;
  }

  void converse(Context ctx) throws InterruptedException {
    long startNanos = System.nanoTime();
    Answer answer = receive(ctx, BedrockOperation.CONVERSE);
    AnswerPlan plan = answer.plan();
    awaitWholeAnswer(pacer, plan);
    List<Map<String, Object>> content = new ArrayList<>();
    if (!answer.reasoning().isEmpty()) {
      content.add(
          Map.of(
              REASONING,
              Map.of(
                  "reasoningText",
                  Map.of(
                      "signature",
                      answer.reasoning().signature(),
                      "text",
                      answer.reasoning().text()))));
    }
    content.add(Map.of("text", String.join("", plan.tokens())));
    plan.toolCall()
        .ifPresent(
            call ->
                content.add(
                    Map.of(
                        "toolUse",
                        Map.of(
                            "toolUseId",
                            call.toolUseId(),
                            "name",
                            call.name(),
                            "input",
                            call.input()))));
    Map<String, Object> message = Map.of("content", content, "role", ASSISTANT);
    ctx.contentType("application/json");
    ctx.result(
        WireJson.write(
            Map.of(
                "metrics", metrics(startNanos),
                "output", Map.of("message", message),
                "stopReason", plan.stopReason(),
                "usage", usage(answer))));
  }

  void converseStream(Context ctx) throws IOException, InterruptedException {
    long startNanos = System.nanoTime();
    Answer answer = receive(ctx, BedrockOperation.CONVERSE_STREAM);
    AnswerPlan plan = answer.plan();
    int textBlock = answer.textBlock();
    ctx.contentType(EVENT_STREAM);
    // The request is accepted: like Bedrock, answer 200 now and let the events follow as the model
    // produces them.
    ctx.res().flushBuffer();
    EventStreamWriter events = new EventStreamWriter(ctx.res().getOutputStream());
    pacer.await(plan.timeToFirstToken());
    events.event("messageStart", Map.of("role", ASSISTANT));
    if (!answer.reasoning().isEmpty()) {
      reasoning(events, answer.reasoning(), plan);
    }
    List<String> tokens = plan.tokensToSend();
    for (int index = 0; index < tokens.size(); index++) {
      if (index > 0) {
        pacer.await(plan.tokenDelay());
      }
      events.event(
          "contentBlockDelta",
          Map.of("contentBlockIndex", textBlock, "delta", Map.of("text", tokens.get(index))));
    }
    switch (plan.interruption().orElse(null)) {
      case null -> {
        events.event("contentBlockStop", Map.of("contentBlockIndex", textBlock));
        if (plan.toolCall().isPresent()) {
          toolUse(events, textBlock + 1, plan.toolCall().get());
        }
        events.event("messageStop", Map.of("stopReason", plan.stopReason()));
        events.event("metadata", Map.of("metrics", metrics(startNanos), "usage", usage(answer)));
      }
      case Interruption interruption -> interrupt(events, pacer, interruption);
    }
  }

  /**
   * Waits until the model would have produced the whole answer; a fault the request asked for fails
   * the request instead.
   */
  static void awaitWholeAnswer(Pacer pacer, AnswerPlan plan) throws InterruptedException {
    pacer.await(plan.timeToGenerate(plan.tokensToSend().size()));
    switch (plan.interruption().orElse(null)) {
      case null -> {}
      case FailAfterDeltas failure -> throw new BedrockServiceException(failure.error());
      case StallAfterDeltas stall -> {
        pacer.stall();
        throw new BedrockServiceException(ServiceError.MODEL_TIMEOUT);
      }
    }
  }

  /** Ends a stream the way the request's fault asked: an exception frame, after a stall or not. */
  static void interrupt(EventStreamWriter events, Pacer pacer, Interruption interruption)
      throws IOException, InterruptedException {
    switch (interruption) {
      case FailAfterDeltas failure ->
          events.exception(failure.error(), failure.error().defaultMessage());
      case StallAfterDeltas stall -> {
        pacer.stall();
        events.exception(
            ServiceError.MODEL_STREAM_ERROR, ServiceError.MODEL_TIMEOUT.defaultMessage());
      }
    }
  }

  /**
   * A reasoning block as Bedrock streams one, without a start: the text in pieces, then its
   * signature, stop.
   */
  private void reasoning(EventStreamWriter events, EmulatedReasoning reasoning, AnswerPlan plan)
      throws IOException, InterruptedException {
    for (String token : reasoning.tokens()) {
      events.event(
          "contentBlockDelta",
          Map.of("contentBlockIndex", 0, "delta", Map.of(REASONING, Map.of("text", token))));
      pacer.await(plan.tokenDelay());
    }
    events.event(
        "contentBlockDelta",
        Map.of(
            "contentBlockIndex",
            0,
            "delta",
            Map.of(REASONING, Map.of("signature", reasoning.signature()))));
    events.event("contentBlockStop", Map.of("contentBlockIndex", 0));
  }

  /** A tool block as Bedrock streams one: start, the input in pieces, stop. */
  private static void toolUse(EventStreamWriter events, int block, ToolCall call)
      throws IOException {
    events.event(
        "contentBlockStart",
        Map.of(
            "contentBlockIndex",
            block,
            "start",
            Map.of("toolUse", Map.of("toolUseId", call.toolUseId(), "name", call.name()))));
    for (String piece : call.inputPieces()) {
      events.event(
          "contentBlockDelta",
          Map.of("contentBlockIndex", block, "delta", Map.of("toolUse", Map.of("input", piece))));
    }
    events.event("contentBlockStop", Map.of("contentBlockIndex", block));
  }

  private Answer receive(Context ctx, BedrockOperation operation) {
    RequestOrigin origin = record(ctx, operation, journal);
    InferenceProfiles.requireOnDemandCapable(origin.modelId());
    JsonNode root = InvokeEndpoints.object(ctx.bodyAsBytes());
    ConverseRequest request = ConverseRequestParser.parse(root);
    OptionalInt thinking = ConverseThinking.budget(root, origin.modelId(), request);
    return new Answer(planner.plan(request, origin), EmulatedReasoning.of(request, thinking));
  }

  /** Records the request as it arrived, before anything can reject it. */
  static RequestOrigin record(Context ctx, BedrockOperation operation, RequestJournal journal) {
    RequestOrigin origin = RequestOrigin.of(ctx);
    journal.record(
        new RecordedRequest(
            operation,
            origin.modelId(),
            new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8),
            headers(ctx)));
    return origin;
  }

  private static Map<String, List<String>> headers(Context ctx) {
    Map<String, List<String>> headers = new TreeMap<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      headers
          .computeIfAbsent(name.toLowerCase(Locale.ROOT), lowerCaseName -> new ArrayList<>())
          .addAll(Collections.list(ctx.req().getHeaders(name)));
    }
    headers.replaceAll((name, values) -> List.copyOf(values));
    return headers;
  }

  private static Map<String, Object> metrics(long startNanos) {
    return Map.of("latencyMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
  }

  /** Bedrock's usage; the cache counts appear once the request has a cache point. */
  private static Map<String, Object> usage(Answer answer) {
    AnswerPlan plan = answer.plan();
    PromptCache.Use cache = plan.cache();
    Map<String, Object> usage = new TreeMap<>();
    usage.put("inputTokens", plan.inputTokens());
    usage.put("outputTokens", answer.outputTokens());
    usage.put(
        "totalTokens",
        plan.inputTokens() + answer.outputTokens() + cache.readTokens() + cache.writeTokens());
    if (!cache.equals(PromptCache.Use.NONE)) {
      usage.put("cacheReadInputTokens", cache.readTokens());
      usage.put("cacheWriteInputTokens", cache.writeTokens());
    }
    return usage;
  }
}
