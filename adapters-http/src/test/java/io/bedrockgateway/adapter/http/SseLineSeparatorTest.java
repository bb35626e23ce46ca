package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.HELLO;
import static io.bedrockgateway.adapter.http.TestServer.KEY;
import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.application.port.in.ConverseResult;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.UpstreamRejected;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stream's JSON escapes U+2028, U+2029 and U+0085: a JavaScript client that splits the stream
 * into lines on every line terminator it knows still gets one whole JSON document per data line.
 */
class SseLineSeparatorTest {
  private static final String PATH = "/api/v1/converse-stream";
  private static final String SEPARATORS = "line\u2028paragraph\u2029next\u0085end";

  /** What JavaScript's {@code /\r\n|[\n\r\u2028\u2029]/} and Unicode's NEL split on. */
  private static final Pattern ANY_LINE_BREAK = Pattern.compile("\r\n|[\n\r\u2028\u2029\u0085]");

  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void textWithUnicodeLineSeparatorsStaysOnOneDataLine() {
    server.converse.streams(
        observer -> {
          observer.admitted(Optional.empty());
          observer.accept(new ChatStreamEvent.MessageStart(Role.ASSISTANT));
          observer.accept(new ChatStreamEvent.TextDelta(0, SEPARATORS));
          observer.accept(new ChatStreamEvent.ToolUseDelta(1, "{\"q\":\"" + SEPARATORS + "\"}"));
        });

    HttpResponse<String> response = stream();

    assertThat(response.body())
        .doesNotContain("\u2028", "\u2029", "\u0085")
        .contains("line\\u2028paragraph\\u2029next\\u0085end");
    List<JsonNode> events = dataLines(response.body());
    assertThat(events).hasSize(3);
    assertThat(events.get(1).at("/contentBlockDelta/delta/text").asText()).isEqualTo(SEPARATORS);
    assertThat(events.get(2).at("/contentBlockDelta/delta/toolUse/input").asText())
        .contains(SEPARATORS);
  }

  @Test
  void anErrorEventWithUnicodeLineSeparatorsStaysOnOneDataLine() {
    server.converse.streams(
        observer -> {
          observer.admitted(Optional.empty());
          observer.accept(new ChatStreamEvent.MessageStart(Role.ASSISTANT));
          throw new UpstreamRejected("the model refused: " + SEPARATORS);
        });

    HttpResponse<String> response = stream();

    assertThat(response.body()).doesNotContain("\u2028", "\u2029", "\u0085");
    List<JsonNode> events = dataLines(response.body());
    assertThat(events).hasSize(2);
    assertThat(events.get(1).path("error").asText()).endsWith(SEPARATORS);
  }

  @Test
  void plainJsonAnswersEscapeThemToo() {
    server.converse.answers(
        () ->
            new ConverseResult(
                new ChatResponse(
                    ChatMessage.text(Role.ASSISTANT, SEPARATORS),
                    StopReason.END_TURN,
                    new TokenUsage(1, 1),
                    1,
                    FakeConverseUseCase.MODEL),
                Optional.empty(),
                Duration.ZERO));

    HttpResponse<String> response = server.converse(HELLO);

    assertThat(response.body()).doesNotContain("\u2028", "\u2029", "\u0085");
    assertThat(json(response.body()).at("/output/message/content/0/text").asText())
        .isEqualTo(SEPARATORS);
  }

  @Test
  void otherTextIsWrittenAsItIs() {
    String text = "é € 😀 \u00a0 \u200b";
    server.converse.streams(
        observer -> {
          observer.admitted(Optional.empty());
          observer.accept(new ChatStreamEvent.TextDelta(0, text));
        });

    List<JsonNode> events = dataLines(stream().body());

    assertThat(events.getFirst().at("/contentBlockDelta/delta/text").asText()).isEqualTo(text);
  }

  private HttpResponse<String> stream() {
    return server.send(server.post(PATH, HELLO).header("X-API-Key", KEY));
  }

  /** Every line, split as a JavaScript client might; each must be empty or a whole event. */
  private static List<JsonNode> dataLines(String body) {
    List<String> lines = Arrays.asList(ANY_LINE_BREAK.split(body, -1));
    assertThat(lines).allSatisfy(line -> assertThat(line).matches("|data: \\{.*\\}"));
    return lines.stream()
        .filter(line -> !line.isEmpty())
        .map(line -> json(line.substring("data: ".length())))
        .toList();
  }
}
