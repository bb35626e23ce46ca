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
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.ToolUseBlock;
import io.bedrockgateway.domain.usage.Operation;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/responses}, stateless, whole or streamed, over the converse use case. The
 * answer's output is the model's reasoning ({@code reasoning} items, see {@link ReasoningItems}),
 * the assistant's message ({@code output_text}) and its function calls.
 */
final class ResponsesHandler implements Handler {
  private final ConverseUseCase converse;
  private final RejectionRecorder rejections;
  private final ResponsesRequestReader requests;
  private final ObjectMapper json;
  private final HttpTimeouts timeouts;
  private final StreamGuard guard;
  private final Clock clock;

  ResponsesHandler(
      ConverseUseCase converse,
      RejectionRecorder rejections,
      ResponsesRequestReader requests,
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
    ResponsesOrder order =
        rejections.commandOrRecord(ctx, Operation.CONVERSE, () -> requests.read(ctx));
    ResponseShape shape =
        new ResponseShape(
            order, RequestStamp.of(ctx).requestId().value(), clock.instant().getEpochSecond());
    if (order.stream()) {
      ResponseEventStream events =
          new ResponseEventStream(ctx, json, timeouts.stream(), order, shape);
      guard.run(
          order.command().context().requestId(),
          events,
          () -> {
            StreamSummary summary = converse.stream(order.command(), events);
            RequestEnd.tokens(ctx, summary.usage());
            events.finish(summary);
          });
      return;
    }
    ConverseResult result = converse.converse(order.command());
    ChatResponse response = result.response();
    GatewayHeaders.answered(
        ctx, result.rateLimit(), response.servedModel(), result.upstreamTime(), clock);
    RequestEnd.tokens(ctx, response.usage());
    ctx.json(
        shape.finished(
            response.servedModel().value(),
            response.stopReason(),
            output(shape.id(), order, response.message().content()),
            response.usage()));
  }

  private List<Object> output(String id, ResponsesOrder order, List<ContentBlock> content) {
    List<Object> reasoning = new ArrayList<>();
    List<Object> items = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (ContentBlock block : content) {
      ReasoningItems.item("rs_" + id.substring("resp_".length()) + "_" + reasoning.size(), block)
          .ifPresent(reasoning::add);
      switch (block) {
        case TextBlock part -> text.append(part.text());
        case ToolUseBlock call when order.format().isAnswer(call.name()) ->
            text.append(ToolInput.text(json, call.input()));
        case ToolUseBlock call ->
            items.add(
                new ResponsesJson.FunctionCall(
                    "function_call",
                    "fc_" + call.toolUseId(),
                    call.toolUseId(),
                    call.name(),
                    ToolInput.text(json, call.input()),
                    "completed"));
        default -> {}
      }
    }
    if (!text.isEmpty()) {
      items.addFirst(message(id, text.toString(), "completed"));
    }
    items.addAll(0, reasoning);
    return items;
  }

  static ResponsesJson.Message message(String responseId, String text, String status) {
    return new ResponsesJson.Message(
        "message",
        "msg_" + responseId.substring("resp_".length()),
        status,
        "assistant",
        text == null
            ? List.of()
            : List.of(new ResponsesJson.OutputText("output_text", text, List.of())));
  }
}
