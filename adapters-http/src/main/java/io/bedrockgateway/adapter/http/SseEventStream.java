package io.bedrockgateway.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.application.port.in.ConverseStreamObserver;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Writes a streamed answer as server-sent events, each {@code data: <one-line JSON>\n\n} and
 * flushed on its own. The 200 is committed only with the first event, so a failure before it can
 * still become a real HTTP status.
 */
final class SseEventStream implements ConverseStreamObserver {
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END_OF_EVENT = "\n\n".getBytes(StandardCharsets.UTF_8);

  /** The error event of the earlier gateway: {@code {"error":"...","type":"stream_error"}}. */
  record StreamError(String error, String type) {}

  private final Context ctx;
  private final ObjectMapper json;
  private final long deadlineNanos;
  private OutputStream body;
  private Optional<ModelId> servedModel = Optional.empty();
  private boolean overran;

  /**
   * @param maxDuration how long the whole stream may last; the first event after it ends the
   *     stream, and with it the model's answer
   */
  SseEventStream(Context ctx, ObjectMapper json, Duration maxDuration) {
    this.ctx = ctx;
    this.json = json;
    this.deadlineNanos = System.nanoTime() + maxDuration.toNanos();
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

  @Override
  public void accept(ChatStreamEvent event) {
    if (System.nanoTime() - deadlineNanos > 0) {
      // stops the model's answer as a departed client would; the handler tells the client why
      overran = true;
      throw new ClientCancelled(new IllegalStateException("the stream ran out of time"));
    }
    send(BedrockJson.streamEvent(event, servedModel));
  }

  boolean started() {
    return body != null;
  }

  /** Whether the stream was ended because it lasted longer than it may. */
  boolean overran() {
    return overran;
  }

  /** Ends a stream that already began with one error event; the client is told, not the status. */
  void sendError(ErrorReply reply) {
    try {
      send(new StreamError(reply.detail(), reply.streamErrorType().wireName()));
    } catch (ClientCancelled gone) {
      // nobody is left to tell
    }
  }

  /** Makes sure even an answer without events is a well-formed, empty event stream. */
  void complete() {
    try {
      begin();
    } catch (IOException e) {
      throw new ClientCancelled(e);
    }
  }

  private void send(Object payload) {
    byte[] line = serialize(payload);
    try {
      begin();
      body.write(DATA);
      body.write(line);
      body.write(END_OF_EVENT);
      body.flush();
    } catch (IOException e) {
      throw new ClientCancelled(e);
    }
  }

  private void begin() throws IOException {
    if (body != null) {
      return;
    }
    ctx.status(200);
    ctx.contentType("text/event-stream");
    ctx.header(Header.CACHE_CONTROL, "no-cache");
    ctx.header(GatewayHeaders.X_ACCEL_BUFFERING, "no");
    // the servlet stream, not ctx.outputStream(): Javalin's may compress, which buffers
    body = ctx.res().getOutputStream();
  }

  private byte[] serialize(Object payload) {
    try {
      // Jackson escapes control characters, and GatewayJson U+2028, U+2029 and U+0085, so the
      // JSON never spans more than one line, not even for a client that splits on those
      return json.writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stream event could not be written as JSON", e);
    }
  }
}
