package io.bedrockgateway.adapter.http.nativeapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.adapter.http.common.ErrorReply;
import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.ResponseStream;
import io.bedrockgateway.adapter.http.common.SseWriter;
import io.bedrockgateway.adapter.http.common.converse.ConverseJson;
import io.bedrockgateway.application.port.in.ConverseStreamObserver;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The native stream: each event in the shape of Bedrock's ConverseStream ({@link ConverseJson}) as
 * one {@code data:} line, and an error once the stream began as {@code {"error","type"}}.
 */
final class SseEventStream implements ConverseStreamObserver, ResponseStream {
  /** The error event of the earlier gateway: {@code {"error":"...","type":"stream_error"}}. */
  record StreamError(String error, String type) {}

  private final Context ctx;
  private final SseWriter sse;
  private Optional<ModelId> servedModel = Optional.empty();

  /**
   * @param maxDuration how long the whole stream may last; the first event after it ends the
   *     stream, and with it the model's answer
   */
  SseEventStream(Context ctx, ObjectMapper json, Duration maxDuration) {
    this.ctx = ctx;
    this.sse = new SseWriter(ctx, json, maxDuration);
  }

  @Override
  public void admitted(Optional<RateLimitStatus> rateLimit) {
    rateLimit.ifPresent(status -> GatewayHeaders.rateLimit(ctx, status));
  }

  /** Comes before the first event, so the header still goes out with the status. */
  @Override
  public void serving(ModelId model) {
    servedModel = Optional.of(model);
    GatewayHeaders.servedModel(ctx, model);
  }

  /** Events that arrived together go out in one write. */
  @Override
  public void acceptEvents(List<ChatStreamEvent> events) {
    sse.together(() -> events.forEach(this::accept));
  }

  @Override
  public void accept(ChatStreamEvent event) {
    // past its time the stream stops as a departed client's would; the handler tells the client
    sse.checkTime();
    sse.data(ConverseJson.streamEvent(event, servedModel));
  }

  @Override
  public boolean started() {
    return sse.started();
  }

  @Override
  public boolean overran() {
    return sse.overran();
  }

  /** The earlier gateway's error event: the client is told, not the status. */
  @Override
  public void sendError(ErrorReply reply) {
    try {
      sse.data(new StreamError(reply.detail(), reply.streamErrorType().wireName()));
    } catch (ClientCancelled gone) {
      // nobody is left to tell
    }
  }

  /** Makes sure even an answer without events is a well-formed, empty event stream. */
  void complete() {
    sse.complete();
  }
}
