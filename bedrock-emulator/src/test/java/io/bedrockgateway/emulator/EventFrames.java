package io.bedrockgateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;

/** Event-stream frames decoded by the AWS SDK's own decoder, which checks both CRCs. */
final class EventFrames {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventFrames() {}

  static List<Message> decode(byte[] eventStream) {
    MessageDecoder decoder = new MessageDecoder();
    decoder.feed(eventStream);
    return decoder.getDecodedMessages();
  }

  /** The headers of a frame in wire order, with their string values. */
  static Map<String, String> headers(Message frame) {
    Map<String, String> headers = new LinkedHashMap<>();
    frame.getHeaders().forEach((name, value) -> headers.put(name, value.getString()));
    return headers;
  }

  static String eventType(Message frame) {
    return frame.getHeaders().get(":event-type").getString();
  }

  static JsonNode payload(Message frame) {
    try {
      return MAPPER.readTree(frame.getPayload());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
