package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import io.bedrockgateway.adapter.http.common.RejectionRecorder;
import io.bedrockgateway.adapter.http.common.RequestEnd;
import io.bedrockgateway.adapter.http.common.RequestStamp;
import io.bedrockgateway.application.port.in.ConverseResult;
import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.ReasoningBlock;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.ToolUseBlock;
import io.bedrockgateway.domain.usage.Operation;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/chat/completions}, whole or streamed ({@code stream: true}), over the converse
 * use case: the same keys, limits, budgets and usage as the native API.
 */
final class ChatHandler implements Handler {
  private final ConverseUseCase converse;
  private final RejectionRecorder rejections;
  private final ChatRequestReader requests;
  private final ObjectMapper json;
  private final HttpTimeouts timeouts;
  private final StreamGuard guard;
  private final Clock clock;

  ChatHandler(
      ConverseUseCase converse,
      RejectionRecorder rejections,
      ChatRequestReader requests,
      ObjectMapper json,
      HttpTimeouts timeouts,
      Clock clock) {
    this.converse = converse;
    this.rejections = rejections;
    this.requests = requests;
    this.json = json;
    this.timeouts = timeouts;
    this.guard = new StreamGuard(timeouts);
    this.clock = clock;
  }

  @Override
  public void handle(Context ctx) {
    ChatOrder order = rejections.commandOrRecord(ctx, Operation.CONVERSE, () -> requests.read(ctx));
    if (order.stream()) {
      stream(ctx, order);
    } else {
      whole(ctx, order);
    }
  }

  private void whole(Context ctx, ChatOrder order) {
    ConverseResult result = converse.converse(order.command());
    ChatResponse response = result.response();
    GatewayHeaders.answered(
        ctx, result.rateLimit(), response.servedModel(), result.upstreamTime(), clock);
    RequestEnd.tokens(ctx, response.usage());
    StringBuilder text = new StringBuilder();
    StringBuilder reasoning = new StringBuilder();
    List<ChatJson.ThinkingBlock> thinking = new ArrayList<>();
    List<ChatJson.ToolCall> calls = new ArrayList<>();
    boolean answerToolCalled = false;
    for (ContentBlock block : response.message().content()) {
      ThinkingBlocks.of(block).ifPresent(thinking::add);
      switch (block) {
        case TextBlock part -> text.append(part.text());
        case ReasoningBlock part -> reasoning.append(part.text());
        case ToolUseBlock call when order.format().isAnswer(call.name()) -> {
          answerToolCalled = true;
          text.append(write(call));
        }
        case ToolUseBlock call ->
            calls.add(
                new ChatJson.ToolCall(
                    null,
                    call.toolUseId(),
                    "function",
                    new ChatJson.FunctionCall(call.name(), write(call))));
        default -> {}
      }
    }
    // with tool calls and no text, content is null, as OpenAI's clients expect
    String content = text.isEmpty() && !calls.isEmpty() ? null : text.toString();
    ctx.json(
        new ChatJson.Completion(
            "chatcmpl-" + RequestStamp.of(ctx).requestId().value(),
            "chat.completion",
            clock.instant().getEpochSecond(),
            order.model().isEmpty() ? response.servedModel().value() : order.model(),
            List.of(
                new ChatJson.Choice(
                    0,
                    new ChatJson.AssistantMessage(
                        "assistant",
                        content,
                        null,
                        calls.isEmpty() ? null : calls,
                        reasoning.isEmpty() ? null : reasoning.toString(),
                        thinking.isEmpty() ? null : thinking),
                    null,
                    FinishReasons.of(response.stopReason(), answerToolCalled))),
            UsageJson.chat(response.usage()),
            null));
  }

  private String write(ToolUseBlock call) {
    return ToolInput.text(json, call.input());
  }

  private void stream(Context ctx, ChatOrder order) {
    ChatChunkStream events =
        new ChatChunkStream(ctx, json, timeouts.stream(), order, clock.instant().getEpochSecond());
    guard.run(
        order.command().context().requestId(),
        events,
        () -> {
          var summary = converse.stream(order.command(), events);
          RequestEnd.tokens(ctx, summary.usage());
          events.finish(summary);
        });
  }
}
