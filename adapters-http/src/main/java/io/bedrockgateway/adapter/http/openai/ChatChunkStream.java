package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.adapter.http.common.ErrorReply;
import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.RequestStamp;
import io.bedrockgateway.adapter.http.common.SseWriter;
import io.bedrockgateway.application.port.in.ConverseStreamObserver;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A streamed chat completion: {@code data: {chat.completion.chunk}} events — the role first, then
 * text and tool-call deltas (a call's id and name on its first fragment, its arguments in pieces,
 * each under the call's index), a last chunk with the finish reason, with {@code
 * stream_options.include_usage} one more with {@code choices: []} and the usage, then {@code data:
 * [DONE]}. The model's reasoning goes as the extension fields of {@link ThinkingBlocks}: its text
 * in {@code delta.reasoning_content} pieces as it comes, each block once whole (with its signature)
 * as a {@code delta.thinking_blocks} entry.
 */
final class ChatChunkStream implements ConverseStreamObserver, StreamGuard.Events {
  private final Context ctx;
  private final SseWriter sse;
  private final ChatOrder order;
  private final String id;
  private final long created;

  /** Bedrock's block index of each tool call, to its index among the answer's tool calls. */
  private final Map<Integer, Integer> calls = new HashMap<>();

  private Optional<Integer> answerBlock = Optional.empty();
  private ReasoningBuffer thinking;
  private String servedModel = "";
  private boolean roleSent;
  private boolean answerToolCalled;

  ChatChunkStream(
      Context ctx, ObjectMapper json, Duration maxDuration, ChatOrder order, long created) {
    this.ctx = ctx;
    this.sse = new SseWriter(ctx, json, maxDuration);
    this.order = order;
    this.id = "chatcmpl-" + RequestStamp.of(ctx).requestId().value();
    this.created = created;
  }

  @Override
  public void admitted(Optional<RateLimitStatus> rateLimit) {
    rateLimit.ifPresent(status -> GatewayHeaders.rateLimit(ctx, status));
  }

  @Override
  public void serving(ModelId model) {
    servedModel = model.value();
    GatewayHeaders.servedModel(ctx, model);
  }

  /** Events that arrived together go out in one write. */
  @Override
  public void acceptEvents(List<ChatStreamEvent> events) {
    sse.together(() -> events.forEach(this::accept));
  }

  @Override
  public void accept(ChatStreamEvent event) {
    sse.checkTime();
    switch (event) {
      case ChatStreamEvent.MessageStart start -> role();
      case ChatStreamEvent.TextDelta text -> content(text.text());
      case ChatStreamEvent.ToolUseStart start -> {
        if (order.format().isAnswer(start.name())) {
          answerBlock = Optional.of(start.index());
          answerToolCalled = true;
          role();
        } else {
          int call = calls.size();
          calls.put(start.index(), call);
          delta(
              new ChatJson.Delta(
                  roleOnce(),
                  null,
                  List.of(
                      new ChatJson.ToolCall(
                          call,
                          start.toolUseId(),
                          "function",
                          new ChatJson.FunctionCall(start.name(), "")))),
              null);
        }
      }
      case ChatStreamEvent.ToolUseDelta input -> {
        if (answerBlock.filter(block -> block == input.index()).isPresent()) {
          content(input.input());
        } else if (calls.containsKey(input.index()) && !input.input().isEmpty()) {
          delta(
              new ChatJson.Delta(
                  null,
                  null,
                  List.of(
                      new ChatJson.ToolCall(
                          calls.get(input.index()),
                          null,
                          null,
                          new ChatJson.FunctionCall(null, input.input())))),
              null);
        }
      }
      case ChatStreamEvent.ReasoningDelta reasoning -> {
        thinking(reasoning.index()).accept(reasoning);
        if (!reasoning.text().isEmpty()) {
          delta(new ChatJson.Delta(roleOnce(), null, null, reasoning.text(), null), null);
        }
      }
      case ChatStreamEvent.ReasoningSignatureDelta signed ->
          thinking(signed.index()).accept(signed);
      case ChatStreamEvent.RedactedReasoningDelta redacted ->
          thinking(redacted.index()).accept(redacted);
      case ChatStreamEvent.ContentBlockStop stop -> {
        if (thinking != null && thinking.index() == stop.index()) {
          closeThinking();
        }
      }
      // block starts and the stop (sent once the stream is summed up) say nothing
      default -> {}
    }
  }

  /** The reasoning block being streamed, opened at its first piece. */
  private ReasoningBuffer thinking(int index) {
    if (thinking != null && thinking.index() != index) {
      closeThinking();
    }
    if (thinking == null) {
      thinking = new ReasoningBuffer(index);
    }
    return thinking;
  }

  /** A reasoning block, once whole, as one {@code thinking_blocks} entry with its signature. */
  private void closeThinking() {
    ReasoningBuffer done = thinking;
    thinking = null;
    done.block()
        .flatMap(ThinkingBlocks::of)
        .ifPresent(
            entry -> delta(new ChatJson.Delta(roleOnce(), null, null, null, List.of(entry)), null));
  }

  /** The finish reason, the usage if asked for, and {@code [DONE]}. */
  void finish(StreamSummary summary) {
    if (thinking != null) {
      closeThinking();
    }
    role();
    delta(
        new ChatJson.Delta(null, null, null),
        FinishReasons.of(summary.stopReason(), answerToolCalled));
    if (order.includeUsage()) {
      sse.data(
          new ChatJson.Chunk(
              id,
              "chat.completion.chunk",
              created,
              model(),
              List.of(),
              UsageJson.chat(summary.usage())));
    }
    sse.dataText("[DONE]");
  }

  private void role() {
    if (!roleSent) {
      roleSent = true;
      delta(new ChatJson.Delta("assistant", "", null), null);
    }
  }

  private String roleOnce() {
    if (roleSent) {
      return null;
    }
    roleSent = true;
    return "assistant";
  }

  private void content(String text) {
    if (!text.isEmpty()) {
      delta(new ChatJson.Delta(roleOnce(), text, null), null);
    }
  }

  private void delta(ChatJson.Delta delta, String finishReason) {
    List<ChatJson.ChunkChoice> choices =
        List.of(new ChatJson.ChunkChoice(0, delta, null, finishReason));
    sse.data(
        order.includeUsage()
            ? new ChatJson.Chunk(id, "chat.completion.chunk", created, model(), choices, null)
            : new ChatJson.PlainChunk(id, "chat.completion.chunk", created, model(), choices));
  }

  private String model() {
    return order.model().isEmpty() ? servedModel : order.model();
  }

  @Override
  public boolean started() {
    return sse.started();
  }

  @Override
  public boolean overran() {
    return sse.overran();
  }

  /**
   * OpenAI's error object as the last event; no {@code [DONE]} follows, so none mistakes it for an
   * end.
   */
  @Override
  public void sendError(ErrorReply reply) {
    try {
      sse.data(OpenAiErrors.body(reply, RequestStamp.of(ctx).requestId()));
    } catch (ClientCancelled gone) {
      // nobody is left to tell
    }
  }
}
