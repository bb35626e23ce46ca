package io.bedrockgateway.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * Writes {@code application/vnd.amazon.eventstream} frames as Bedrock does: string headers in
 * Bedrock's order, JSON payloads with sorted keys and a {@code "p"} padding field, each frame
 * flushed on its own so the client sees every event as soon as it is produced.
 */
final class EventStreamWriter {

  private static final String JSON = "application/json";

  private final OutputStream out;

  EventStreamWriter(OutputStream out) {
    this.out = out;
  }

  void event(String eventType, Map<String, ?> payload) throws IOException {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(":event-type", HeaderValue.fromString(eventType));
    headers.put(":content-type", HeaderValue.fromString(JSON));
    headers.put(":message-type", HeaderValue.fromString("event"));
    Map<String, Object> padded = new LinkedHashMap<>(payload);
    padded.put("p", Padding.next());
    write(headers, padded);
  }

  void exception(ServiceError error, String message) throws IOException {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(":message-type", HeaderValue.fromString("exception"));
    headers.put(":exception-type", HeaderValue.fromString(error.exceptionType()));
    headers.put(":content-type", HeaderValue.fromString(JSON));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("message", message);
    if (error == ServiceError.MODEL_STREAM_ERROR) {
      payload.put("originalStatusCode", ServiceError.INTERNAL_SERVER.status());
      payload.put("originalMessage", message);
    }
    write(headers, payload);
  }

  private void write(Map<String, HeaderValue> headers, Map<String, ?> payload) throws IOException {
    // Encoded to a buffer rather than with Message.encode(OutputStream), which would wrap the
    // IOException of a client that went away into an unchecked exception.
    ByteBuffer frame = new Message(headers, WireJson.write(payload)).toByteBuffer();
    out.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
    out.flush();
  }
}
