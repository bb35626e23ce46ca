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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A streamed response, each event as {@code event: <type>} and {@code data: {"type",
 * "sequence_number",...}}: {@code response.created}, {@code response.in_progress}; for text {@code
 * response.output_item.added}, {@code response.content_part.added}, {@code
 * response.output_text.delta}s, {@code response.output_text.done}, {@code
 * response.content_part.done}, {@code response.output_item.done}; for the model's reasoning {@code
 * response.output_item.added} (a {@code reasoning} item), {@code
 * response.reasoning_summary_part.added}, {@code response.reasoning_summary_text.delta}s and {@code
 * .done}, {@code response.reasoning_summary_part.done}, {@code response.output_item.done} (with
 * {@code encrypted_content}, see {@link ReasoningItems}); for a function call {@code
 * response.output_item.added}, {@code response.function_call_arguments.delta}s and {@code .done},
 * {@code response.output_item.done}; last {@code response.completed} (or {@code
 * response.incomplete}) with the whole response and its usage. A failure after the start ends the
 * stream with an {@code error} event.
 */
final class ResponseEventStream implements ConverseStreamObserver, StreamGuard.Events {
  private final Context ctx;
  private final SseWriter sse;
  private final ResponsesOrder order;
  private final ResponseShape shape;
  private final List<Object> output = new ArrayList<>();
  private String servedModel = "";
  private long sequence;
  private boolean begun;

  /** The item being streamed: its Bedrock block index, and what it is. */
  private Optional<Integer> openBlock = Optional.empty();

  private OpenText openText;
  private OpenCall openCall;
  private OpenReasoning openReasoning;

  /** A reasoning item as it arrives: its block so far, and whether its summary part is open. */
  private static final class OpenReasoning {
    final int outputIndex;
    final String itemId;
    final ReasoningBuffer block;
    boolean summaryOpen;

    OpenReasoning(int outputIndex, String itemId, int block) {
      this.outputIndex = outputIndex;
      this.itemId = itemId;
      this.block = new ReasoningBuffer(block);
    }
  }

  private static final class OpenText {
    final int outputIndex;
    final String itemId;
    final StringBuilder text = new StringBuilder();

    OpenText(int outputIndex, String itemId) {
      this.outputIndex = outputIndex;
      this.itemId = itemId;
    }
  }

  private static final class OpenCall {
    final int outputIndex;
    final String itemId;
    final String callId;
    final String name;
    final StringBuilder arguments = new StringBuilder();

    OpenCall(int outputIndex, String callId, String name) {
      this.outputIndex = outputIndex;
      this.itemId = "fc_" + callId;
      this.callId = callId;
      this.name = name;
    }
  }

  ResponseEventStream(
      Context ctx,
      ObjectMapper json,
      Duration maxDuration,
      ResponsesOrder order,
      ResponseShape shape) {
    this.ctx = ctx;
    this.sse = new SseWriter(ctx, json, maxDuration);
    this.order = order;
    this.shape = shape;
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
    begin();
    switch (event) {
      case ChatStreamEvent.TextDelta text -> text(text.index(), text.text());
      case ChatStreamEvent.ReasoningDelta reasoning -> reasoningText(reasoning);
      case ChatStreamEvent.ReasoningSignatureDelta signed ->
          reasoning(signed.index()).block.accept(signed);
      case ChatStreamEvent.RedactedReasoningDelta redacted ->
          reasoning(redacted.index()).block.accept(redacted);
      case ChatStreamEvent.ToolUseStart start -> {
        if (order.format().isAnswer(start.name())) {
          openText(start.index());
        } else {
          close();
          openBlock = Optional.of(start.index());
          openCall = new OpenCall(output.size(), start.toolUseId(), start.name());
          send(
              "response.output_item.added",
              new ResponsesJson.ItemEvent(
                  "response.output_item.added",
                  sequence,
                  openCall.outputIndex,
                  call(openCall, "in_progress")));
        }
      }
      case ChatStreamEvent.ToolUseDelta input -> {
        if (openText != null && openBlock.filter(b -> b == input.index()).isPresent()) {
          text(input.index(), input.input());
        } else if (openCall != null && !input.input().isEmpty()) {
          openCall.arguments.append(input.input());
          send(
              "response.function_call_arguments.delta",
              new ResponsesJson.ArgumentsDeltaEvent(
                  "response.function_call_arguments.delta",
                  sequence,
                  openCall.itemId,
                  openCall.outputIndex,
                  input.input()));
        }
      }
      case ChatStreamEvent.ContentBlockStop stop -> {
        if (openBlock.filter(block -> block == stop.index()).isPresent()) {
          close();
        }
      }
      default -> {}
    }
  }

  /** Closes what is open and sends the whole response with its usage. */
  void finish(StreamSummary summary) {
    begin();
    close();
    ResponsesJson.Response response =
        shape.finished(model(), summary.stopReason(), List.copyOf(output), summary.usage());
    String type =
        response.status().equals("completed") ? "response.completed" : "response.incomplete";
    send(type, new ResponsesJson.ResponseEvent(type, sequence, response));
  }

  private void begin() {
    if (!begun) {
      begun = true;
      ResponsesJson.Response response = shape.inProgress(model());
      send(
          "response.created",
          new ResponsesJson.ResponseEvent("response.created", sequence, response));
      send(
          "response.in_progress",
          new ResponsesJson.ResponseEvent("response.in_progress", sequence, response));
    }
  }

  /** The reasoning item of {@code block}, opened at its first piece. */
  private OpenReasoning reasoning(int block) {
    if (openReasoning == null || openBlock.filter(open -> open == block).isEmpty()) {
      close();
      openBlock = Optional.of(block);
      openReasoning =
          new OpenReasoning(
              output.size(),
              "rs_" + RequestStamp.of(ctx).requestId().value() + "_" + output.size(),
              block);
      send(
          "response.output_item.added",
          new ResponsesJson.ItemEvent(
              "response.output_item.added",
              sequence,
              openReasoning.outputIndex,
              new ResponsesJson.ReasoningItem(
                  "reasoning", openReasoning.itemId, List.of(), null, "in_progress")));
    }
    return openReasoning;
  }

  /** A piece of reasoning as a delta of the item's one summary text. */
  private void reasoningText(ChatStreamEvent.ReasoningDelta piece) {
    OpenReasoning reasoning = reasoning(piece.index());
    String delta = piece.text();
    if (delta.isEmpty()) {
      return;
    }
    if (!reasoning.summaryOpen) {
      reasoning.summaryOpen = true;
      send(
          "response.reasoning_summary_part.added",
          new ResponsesJson.SummaryPartEvent(
              "response.reasoning_summary_part.added",
              sequence,
              reasoning.itemId,
              reasoning.outputIndex,
              0,
              ReasoningItems.summary("")));
    }
    reasoning.block.accept(piece);
    send(
        "response.reasoning_summary_text.delta",
        new ResponsesJson.SummaryTextDeltaEvent(
            "response.reasoning_summary_text.delta",
            sequence,
            reasoning.itemId,
            reasoning.outputIndex,
            0,
            delta));
  }

  private void closeReasoning() {
    OpenReasoning done = openReasoning;
    openReasoning = null;
    String text = done.block.text();
    if (done.summaryOpen) {
      send(
          "response.reasoning_summary_text.done",
          new ResponsesJson.SummaryTextDoneEvent(
              "response.reasoning_summary_text.done",
              sequence,
              done.itemId,
              done.outputIndex,
              0,
              text));
      send(
          "response.reasoning_summary_part.done",
          new ResponsesJson.SummaryPartEvent(
              "response.reasoning_summary_part.done",
              sequence,
              done.itemId,
              done.outputIndex,
              0,
              ReasoningItems.summary(text)));
    }
    ResponsesJson.ReasoningItem item =
        done.block
            .block()
            .flatMap(reasoning -> ReasoningItems.item(done.itemId, reasoning))
            .orElseGet(
                () ->
                    new ResponsesJson.ReasoningItem(
                        "reasoning", done.itemId, List.of(), null, "completed"));
    output.add(item);
    send(
        "response.output_item.done",
        new ResponsesJson.ItemEvent("response.output_item.done", sequence, done.outputIndex, item));
  }

  private void text(int block, String delta) {
    if (openText == null) {
      openText(block);
    }
    if (delta.isEmpty()) {
      return;
    }
    openText.text.append(delta);
    send(
        "response.output_text.delta",
        new ResponsesJson.TextDeltaEvent(
            "response.output_text.delta",
            sequence,
            openText.itemId,
            openText.outputIndex,
            0,
            delta,
            List.of()));
  }

  private void openText(int block) {
    close();
    openBlock = Optional.of(block);
    openText =
        new OpenText(
            output.size(), "msg_" + RequestStamp.of(ctx).requestId().value() + "_" + output.size());
    send(
        "response.output_item.added",
        new ResponsesJson.ItemEvent(
            "response.output_item.added",
            sequence,
            openText.outputIndex,
            new ResponsesJson.Message(
                "message", openText.itemId, "in_progress", "assistant", List.of())));
    send(
        "response.content_part.added",
        new ResponsesJson.PartEvent(
            "response.content_part.added",
            sequence,
            openText.itemId,
            openText.outputIndex,
            0,
            new ResponsesJson.OutputText("output_text", "", List.of())));
  }

  private void close() {
    if (openReasoning != null) {
      closeReasoning();
    }
    if (openText != null) {
      OpenText done = openText;
      openText = null;
      String text = done.text.toString();
      ResponsesJson.OutputText part = new ResponsesJson.OutputText("output_text", text, List.of());
      send(
          "response.output_text.done",
          new ResponsesJson.TextDoneEvent(
              "response.output_text.done",
              sequence,
              done.itemId,
              done.outputIndex,
              0,
              text,
              List.of()));
      send(
          "response.content_part.done",
          new ResponsesJson.PartEvent(
              "response.content_part.done", sequence, done.itemId, done.outputIndex, 0, part));
      ResponsesJson.Message item =
          new ResponsesJson.Message(
              "message", done.itemId, "completed", "assistant", List.of(part));
      output.add(item);
      send(
          "response.output_item.done",
          new ResponsesJson.ItemEvent(
              "response.output_item.done", sequence, done.outputIndex, item));
    }
    if (openCall != null) {
      OpenCall done = openCall;
      openCall = null;
      String arguments = done.arguments.isEmpty() ? "{}" : done.arguments.toString();
      send(
          "response.function_call_arguments.done",
          new ResponsesJson.ArgumentsDoneEvent(
              "response.function_call_arguments.done",
              sequence,
              done.itemId,
              done.outputIndex,
              done.name,
              arguments));
      ResponsesJson.FunctionCall item =
          new ResponsesJson.FunctionCall(
              "function_call", done.itemId, done.callId, done.name, arguments, "completed");
      output.add(item);
      send(
          "response.output_item.done",
          new ResponsesJson.ItemEvent(
              "response.output_item.done", sequence, done.outputIndex, item));
    }
    openBlock = Optional.empty();
  }

  private static ResponsesJson.FunctionCall call(OpenCall call, String status) {
    return new ResponsesJson.FunctionCall(
        "function_call", call.itemId, call.callId, call.name, call.arguments.toString(), status);
  }

  private String model() {
    return servedModel;
  }

  private void send(String type, Object event) {
    sse.event(type, event);
    sequence++;
  }

  @Override
  public boolean started() {
    return sse.started();
  }

  @Override
  public boolean overran() {
    return sse.overran();
  }

  @Override
  public void sendError(ErrorReply reply) {
    try {
      OpenAiErrors.ErrorBody body = OpenAiErrors.body(reply, RequestStamp.of(ctx).requestId());
      sse.event(
          "error",
          new ResponsesJson.ErrorEvent(
              "error",
              sequence++,
              body.error().code(),
              body.error().message(),
              body.error().param()));
    } catch (ClientCancelled gone) {
      // nobody is left to tell
    }
  }
}
