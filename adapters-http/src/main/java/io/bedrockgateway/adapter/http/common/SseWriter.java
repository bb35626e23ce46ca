package io.bedrockgateway.adapter.http.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Writes server-sent events, each flushed on its own unless written {@link #together} with others
 * that arrived at the same time: {@code data: <one-line JSON>}, optionally after {@code event:
 * <name>}. The 200 is committed only with the first event, so a failure before it can still become
 * a real HTTP status. A client that left surfaces as {@link ClientCancelled}, which stops the
 * model's answer.
 */
public final class SseWriter {
  private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END_OF_LINE = "\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END_OF_EVENT = "\n\n".getBytes(StandardCharsets.UTF_8);

  private final Context ctx;
  private final ObjectMapper json;
  private final StreamDeadline deadline;
  private final Flushing flushing = new Flushing();
  private OutputStream body;

  /**
   * @param maxDuration how long the whole stream may last; {@link #checkTime} after it ends the
   *     stream, and with it the model's answer
   */
  public SseWriter(Context ctx, ObjectMapper json, Duration maxDuration) {
    this.ctx = ctx;
    this.json = json;
    this.deadline = new StreamDeadline(maxDuration);
  }

  /** Ends the stream, as a departed client would, once it has lasted longer than it may. */
  public void checkTime() {
    deadline.check();
  }

  /** Whether the stream was ended because it lasted longer than it may. */
  public boolean overran() {
    return deadline.overran();
  }

  public boolean started() {
    return body != null;
  }

  /** {@code data: <payload as JSON>}. */
  public void data(Object payload) {
    write(null, serialize(payload));
  }

  /** {@code event: <name>} then {@code data: <payload as JSON>}. */
  public void event(String name, Object payload) {
    write(name.getBytes(StandardCharsets.UTF_8), serialize(payload));
  }

  /** {@code data: <text>} for a fixed marker such as {@code [DONE]}; the text has no line break. */
  public void dataText(String text) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an SSE data line has no line break");
    }
    write(null, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Runs {@code writes}, events that arrived together, and flushes once after the last. */
  public void together(Runnable writes) {
    flushing.together(writes, () -> body);
  }

  /** Makes sure even an answer without events is a well-formed, empty event stream. */
  public void complete() {
    try {
      begin();
    } catch (IOException e) {
      throw new ClientCancelled(e);
    }
  }

  private void write(byte[] eventName, byte[] line) {
    try {
      begin();
      if (eventName != null) {
        body.write(EVENT);
        body.write(eventName);
        body.write(END_OF_LINE);
      }
      body.write(DATA);
      body.write(line);
      body.write(END_OF_EVENT);
      flushing.afterWrite(body);
    } catch (IOException e) {
      throw new ClientCancelled(e);
    }
  }

  private void begin() throws IOException {
    if (body == null) {
      body = StreamDeadline.begin(ctx, "text/event-stream");
    }
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
