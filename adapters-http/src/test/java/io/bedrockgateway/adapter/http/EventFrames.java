package io.bedrockgateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;

/** Calls the Bedrock-native surface with a bearer key and reads its event-stream frames. */
final class EventFrames {
  private EventFrames() {}

  static HttpResponse<byte[]> post(TestServer server, String path, String body) {
    try {
      return server.client.send(
          server.post(path, body).header("Authorization", "Bearer " + TestServer.KEY).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The frames of a body, decoded (and their CRCs checked) by the AWS event-stream codec. */
  static List<Message> of(byte[] body) {
    List<Message> frames = new ArrayList<>();
    new MessageDecoder(frames::add).feed(ByteBuffer.wrap(body));
    return frames;
  }

  static JsonNode payload(Message frame) {
    return TestServer.json(new String(frame.getPayload(), StandardCharsets.UTF_8));
  }
}
