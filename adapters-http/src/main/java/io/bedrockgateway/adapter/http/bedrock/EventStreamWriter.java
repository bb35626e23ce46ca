package io.bedrockgateway.adapter.http.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.adapter.http.common.ErrorReply;
import io.bedrockgateway.adapter.http.common.Flushing;
import io.bedrockgateway.adapter.http.common.ResponseStream;
import io.bedrockgateway.adapter.http.common.StreamDeadline;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * Writes {@code application/vnd.amazon.eventstream} frames as Bedrock Runtime does, each flushed on
 * its own unless written {@link #together} with others that arrived at the same time: events with
 * the string headers {@code :event-type}, {@code :content-type}, {@code :message-type} in that
 * order and a JSON payload, and a failure once the stream began as one exception frame ({@code
 * :message-type exception}, {@code :exception-type} in camelCase), which the AWS SDKs raise as
 * their typed exceptions. The 200 is committed only with the first frame, so a failure before it is
 * still a real status. A client that left surfaces as {@link ClientCancelled}.
 */
final class EventStreamWriter implements ResponseStream {
  static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";
  private static final String JSON = "application/json";

  private final Context ctx;
  private final ObjectMapper json;
  private final StreamDeadline deadline;
  private final Flushing flushing = new Flushing();
  private OutputStream body;

  /**
   * @param maxDuration how long the whole stream may last; {@link #checkTime} after it ends it
   */
  EventStreamWriter(Context ctx, ObjectMapper json, Duration maxDuration) {
    this.ctx = ctx;
    this.json = json;
    this.deadline = new StreamDeadline(maxDuration);
  }

  /** One event of the stream's union, e.g. {@code messageStart} or {@code chunk}. */
  void event(String eventType, Object payload) {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(":event-type", HeaderValue.fromString(eventType));
    headers.put(":content-type", HeaderValue.fromString(JSON));
    headers.put(":message-type", HeaderValue.fromString("event"));
    write(headers, payload);
  }

  /** Runs {@code writes}, events that arrived together, and flushes once after the last. */
  void together(Runnable writes) {
    flushing.together(writes, () -> body);
  }

  /** Ends the stream, as a departed client would, once it has lasted longer than it may. */
  void checkTime() {
    deadline.check();
  }

  @Override
  public boolean started() {
    return body != null;
  }

  @Override
  public boolean overran() {
    return deadline.overran();
  }

  @Override
  public void sendError(ErrorReply reply) {
    String type = BedrockErrors.streamExceptionType(reply);
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(":message-type", HeaderValue.fromString("exception"));
    headers.put(":exception-type", HeaderValue.fromString(type));
    headers.put(":content-type", HeaderValue.fromString(JSON));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("message", reply.detail());
    if (type.equals(BedrockErrors.MODEL_STREAM_ERROR)) {
      payload.put("originalStatusCode", reply.status());
      payload.put("originalMessage", reply.detail());
    }
    try {
      write(headers, payload);
    } catch (ClientCancelled gone) {
      // nobody is left to tell
    }
  }

  /** Makes sure even an answer without events is a well-formed, empty stream. */
  void complete() {
    try {
      begin();
    } catch (IOException e) {
      throw new ClientCancelled(e);
    }
  }

  private void write(Map<String, HeaderValue> headers, Object payload) {
    try {
      ByteBuffer frame = new Message(headers, json.writeValueAsBytes(payload)).toByteBuffer();
      begin();
      body.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
      flushing.afterWrite(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stream event could not be written as JSON", e);
    } catch (IOException e) {
      throw new ClientCancelled(e);
    }
  }

  private void begin() throws IOException {
    if (body == null) {
      body = StreamDeadline.begin(ctx, CONTENT_TYPE);
    }
  }
}
