package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.Message;

/** ConverseStream bytes as Bedrock sends them, decoded by the SDK's own frame decoder. */
class ConverseStreamWireTest {

  private static final String STREAM_PATH = "/model/amazon.nova-lite-v1%3A0/converse-stream";
  private static final String PADDING_ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private static BedrockEmulator emulator;

  @BeforeAll
  static void startEmulator() {
    emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @Test
  void streamsOneDeltaPerTokenBetweenMessageStartAndMetadata() {
    HttpResponse<byte[]> response = stream("Tell me about rivers [emulator:tokens=5]");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.amazon.eventstream");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    List<Message> frames = EventFrames.decode(response.body());
    assertThat(frames)
        .extracting(EventFrames::eventType)
        .containsExactly(
            "messageStart",
            "contentBlockDelta",
            "contentBlockDelta",
            "contentBlockDelta",
            "contentBlockDelta",
            "contentBlockDelta",
            "contentBlockStop",
            "messageStop",
            "metadata");
  }

  @Test
  void everyEventCarriesBedrocksHeadersInBedrocksOrder() {
    List<Message> frames = EventFrames.decode(stream("Hello").body());

    assertThat(frames)
        .allSatisfy(
            frame ->
                assertThat(EventFrames.headers(frame))
                    .containsExactly(
                        Map.entry(":event-type", EventFrames.eventType(frame)),
                        Map.entry(":content-type", "application/json"),
                        Map.entry(":message-type", "event")));
  }

  @Test
  void everyPayloadIsPaddedWithAPrefixOfBedrocksAlphabet() {
    List<Message> frames = EventFrames.decode(stream("Hello").body());

    assertThat(frames)
        .allSatisfy(
            frame -> {
              String padding = EventFrames.payload(frame).path("p").asText();
              assertThat(padding).isNotEmpty();
              assertThat(PADDING_ALPHABET).startsWith(padding);
            });
  }

  @Test
  void payloadsHaveBedrocksShapeWithSortedKeys() {
    String prompt = "Describe the sea [emulator:tokens=3]";
    List<JsonNode> payloads = payloads(stream(prompt));

    assertThat(payloads.getFirst().path("role").asText()).isEqualTo("assistant");
    List<JsonNode> deltas = payloads.subList(1, 4);
    assertThat(deltas)
        .allSatisfy(
            delta -> {
              assertThat(fieldNames(delta)).containsExactly("contentBlockIndex", "delta", "p");
              assertThat(delta.path("contentBlockIndex").asInt()).isZero();
            });
    assertThat(deltas.stream().map(delta -> delta.path("delta").path("text").asText()))
        .containsExactlyElementsOf(EmulatedAnswer.tokens(prompt, 3));
    assertThat(payloads.get(4).path("contentBlockIndex").asInt()).isZero();
    assertThat(payloads.get(5).path("stopReason").asText()).isEqualTo("end_turn");
    JsonNode metadata = payloads.get(6);
    assertThat(fieldNames(metadata)).containsExactly("metrics", "p", "usage");
    assertThat(metadata.path("metrics").path("latencyMs").isIntegralNumber()).isTrue();
    int inputTokens = EmulatedUsage.inputTokens(List.of(prompt));
    assertThat(metadata.path("usage").path("inputTokens").asInt()).isEqualTo(inputTokens);
    assertThat(metadata.path("usage").path("outputTokens").asInt()).isEqualTo(3);
    assertThat(metadata.path("usage").path("totalTokens").asInt()).isEqualTo(inputTokens + 3);
  }

  @Test
  void maxTokensCutsTheAnswerWithStopReasonMaxTokens() {
    String prompt = "A long story please";
    HttpResponse<byte[]> response =
        RawHttp.post(emulator.endpoint(), STREAM_PATH, ConverseBodies.userSays(prompt, 4));
    List<JsonNode> payloads = payloads(response);

    String text =
        payloads.stream()
            .map(payload -> payload.path("delta").path("text").asText())
            .collect(Collectors.joining());
    assertThat(text).isEqualTo(EmulatedAnswer.text(prompt, 4));
    assertThat(payloads)
        .anySatisfy(p -> assertThat(p.path("stopReason").asText()).isEqualTo("max_tokens"));
  }

  @Test
  void failAfterSendsTheDeltasThenAModelStreamErrorExceptionFrame() {
    List<Message> frames = EventFrames.decode(stream("Hello [emulator:fail-after=2]").body());

    assertThat(frames).hasSize(4);
    assertThat(frames.subList(0, 3))
        .extracting(EventFrames::eventType)
        .containsExactly("messageStart", "contentBlockDelta", "contentBlockDelta");
    Message exception = frames.getLast();
    assertThat(EventFrames.headers(exception))
        .containsExactly(
            Map.entry(":message-type", "exception"),
            Map.entry(":exception-type", "modelStreamErrorException"),
            Map.entry(":content-type", "application/json"));
    JsonNode payload = EventFrames.payload(exception);
    assertThat(payload.path("message").asText()).isNotBlank();
    assertThat(payload.path("originalStatusCode").asInt()).isEqualTo(500);
    assertThat(payload.path("originalMessage").asText()).isNotBlank();
  }

  @Test
  void failTypeChoosesTheExceptionOfTheFrame() {
    List<Message> frames =
        EventFrames.decode(
            stream("Hello [emulator:fail-after=1] [emulator:fail-type=throttlingException]")
                .body());

    Message exception = frames.getLast();
    assertThat(EventFrames.headers(exception))
        .containsEntry(":exception-type", "throttlingException");
    assertThat(fieldNames(EventFrames.payload(exception))).containsExactly("message");
  }

  private static HttpResponse<byte[]> stream(String prompt) {
    return RawHttp.post(emulator.endpoint(), STREAM_PATH, ConverseBodies.userSays(prompt));
  }

  private static List<JsonNode> payloads(HttpResponse<byte[]> response) {
    return EventFrames.decode(response.body()).stream().map(EventFrames::payload).toList();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
