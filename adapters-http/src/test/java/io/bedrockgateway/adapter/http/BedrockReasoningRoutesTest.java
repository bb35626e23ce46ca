package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.domain.chat.ReasoningBlock;
import io.bedrockgateway.domain.chat.RedactedReasoningBlock;
import io.bedrockgateway.domain.chat.TextBlock;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.Message;

/**
 * The model's reasoning on the Bedrock-native surface and the native API, which share Bedrock's
 * Converse shapes: {@code reasoningContent} in answers, stream deltas and requests.
 */
class BedrockReasoningRoutesTest {
  private static final String BEDROCK = "/bedrock/model/anthropic.claude-test%3A0/converse";
  private static final String NATIVE = "/api/v1/converse";
  private static final String HELLO =
      "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}]}";

  private TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer();
    server.converse.thinks();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, String body) {
    return server.send(server.post(path, body).header("Authorization", "Bearer " + TestServer.KEY));
  }

  @Test
  void anAnswerCarriesItsReasoningAsBedrockDoesOnBothSurfaces() {
    for (String path : List.of(BEDROCK, NATIVE)) {
      HttpResponse<String> response = post(path, HELLO);

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode content = json(response.body()).at("/output/message/content");
      assertThat(content.at("/0/reasoningContent/reasoningText/text").asText())
          .isEqualTo("Let me think.");
      assertThat(content.at("/0/reasoningContent/reasoningText/signature").asText())
          .isEqualTo(FakeConverseUseCase.SIGNATURE);
      assertThat(content.at("/1/reasoningContent/redactedContent").asText()).isEqualTo("CQgH");
      assertThat(content.at("/2/text").asText()).isEqualTo("Hello");
    }
  }

  @Test
  void theEventStreamCarriesReasoningTextThenSignatureThenRedactedReasoning() {
    List<Message> frames =
        EventFrames.of(
            EventFrames.post(server, "/bedrock/model/anthropic.claude-test/converse-stream", HELLO)
                .body());

    List<JsonNode> reasoning =
        frames.stream()
            .filter(
                frame ->
                    frame.getHeaders().get(":event-type").getString().equals("contentBlockDelta"))
            .map(EventFrames::payload)
            .filter(payload -> payload.at("/delta").has("reasoningContent"))
            .toList();
    assertThat(reasoning)
        .extracting(payload -> payload.at("/delta/reasoningContent").toString())
        .containsExactly(
            "{\"text\":\"Let me \"}",
            "{\"text\":\"think.\"}",
            "{\"signature\":\"" + FakeConverseUseCase.SIGNATURE + "\"}",
            "{\"redactedContent\":\"CQgH\"}");
    assertThat(reasoning)
        .extracting(payload -> payload.get("contentBlockIndex").asInt())
        .containsExactly(0, 0, 0, 1);
  }

  @Test
  void theNativeStreamCarriesTheSameDeltas() {
    List<JsonNode> events =
        TestServer.events(
            server
                .send(
                    server
                        .post("/api/v1/converse-stream", HELLO)
                        .header("X-API-Key", TestServer.KEY))
                .body());

    assertThat(events)
        .extracting(event -> event.at("/contentBlockDelta/delta/reasoningContent").toString())
        .contains(
            "{\"text\":\"Let me \"}",
            "{\"signature\":\"" + FakeConverseUseCase.SIGNATURE + "\"}",
            "{\"redactedContent\":\"CQgH\"}");
  }

  @Test
  void reasoningSentBackInAnAssistantTurnReachesTheModelUnchanged() {
    String continued =
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]},"
            + "{\"role\":\"assistant\",\"content\":["
            + "{\"reasoningContent\":{\"reasoningText\":{\"text\":\"Let me think.\","
            + "\"signature\":\"c2ln\"}}},"
            + "{\"reasoningContent\":{\"redactedContent\":\"CQgH\"}},{\"text\":\"Hello\"}]},"
            + "{\"role\":\"user\",\"content\":[{\"text\":\"And?\"}]}]}";

    for (String path : List.of(BEDROCK, NATIVE)) {
      assertThat(post(path, continued).statusCode()).isEqualTo(200);

      assertThat(server.converse.lastCommand().request().messages().get(1).content())
          .containsExactly(
              new ReasoningBlock("Let me think.", Optional.of("c2ln")),
              new RedactedReasoningBlock(FakeConverseUseCase.REDACTED),
              new TextBlock("Hello"));
    }
  }

  @Test
  void misplacedOrMalformedReasoningIsRefusedNamingTheField() {
    String inUserTurn =
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"reasoningContent\":"
            + "{\"reasoningText\":{\"text\":\"x\",\"signature\":\"s\"}}}]}]}";
    String withoutText =
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]},"
            + "{\"role\":\"assistant\",\"content\":[{\"reasoningContent\":"
            + "{\"reasoningText\":{\"signature\":\"s\"}}}]}]}";
    String empty =
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]},"
            + "{\"role\":\"assistant\",\"content\":[{\"reasoningContent\":{}}]}]}";

    assertRefused(inUserTurn, "messages[0].content: reasoning belongs to assistant turns only");
    assertRefused(
        withoutText, "messages[1].content[0].reasoningContent.reasoningText.text: is required");
    assertRefused(
        empty,
        "messages[1].content[0].reasoningContent: must hold reasoningText or redactedContent");
  }

  private void assertRefused(String body, String problem) {
    HttpResponse<String> bedrock = post(BEDROCK, body);
    assertThat(bedrock.statusCode()).isEqualTo(400);
    assertThat(bedrock.headers().firstValue("x-amzn-ErrorType")).contains("ValidationException");
    assertThat(json(bedrock.body()).path("message").asText()).contains(problem);
    HttpResponse<String> nativeApi = post(NATIVE, body);
    assertThat(nativeApi.statusCode()).isEqualTo(400);
    assertThat(json(nativeApi.body()).path("detail").asText()).contains(problem);
  }
}
