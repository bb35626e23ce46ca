package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.ReasoningBlock;
import io.bedrockgateway.domain.chat.RedactedReasoningBlock;
import io.bedrockgateway.domain.chat.TextBlock;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model's reasoning on the OpenAI-compatible surface: Chat Completions' {@code
 * reasoning_content} and {@code thinking_blocks} extension, the Responses API's {@code reasoning}
 * items and their stream events, and both sent back.
 */
class OpenAiReasoningRoutesTest {
  private static final ReasoningBlock SIGNED =
      new ReasoningBlock("Let me think.", Optional.of(FakeConverseUseCase.SIGNATURE));
  private static final RedactedReasoningBlock REDACTED =
      new RedactedReasoningBlock(FakeConverseUseCase.REDACTED);

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
  void aChatCompletionCarriesReasoningContentAndThinkingBlocks() {
    HttpResponse<String> response =
        post(
            "/v1/chat/completions",
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode message = json(response.body()).at("/choices/0/message");
    assertThat(message.path("content").asText()).isEqualTo("Hello");
    assertThat(message.path("reasoning_content").asText()).isEqualTo("Let me think.");
    assertThat(message.path("thinking_blocks").toString())
        .isEqualTo(
            "[{\"type\":\"thinking\",\"thinking\":\"Let me think.\",\"signature\":\""
                + FakeConverseUseCase.SIGNATURE
                + "\"},{\"type\":\"redacted_thinking\",\"data\":\"CQgH\"}]");
  }

  @Test
  void aStreamedChatSendsReasoningPiecesThenEachBlockWhole() {
    String body =
        post(
                "/v1/chat/completions",
                "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
            .body();
    assertThat(body).endsWith("data: [DONE]\n\n");
    List<JsonNode> deltas =
        TestServer.events(body.replace("data: [DONE]", "")).stream()
            .map(chunk -> chunk.at("/choices/0/delta"))
            .filter(delta -> !delta.isMissingNode())
            .toList();

    List<String> reasoning = new ArrayList<>();
    List<JsonNode> blocks = new ArrayList<>();
    StringBuilder content = new StringBuilder();
    for (JsonNode delta : deltas) {
      if (delta.has("reasoning_content")) {
        reasoning.add(delta.get("reasoning_content").asText());
      }
      delta.path("thinking_blocks").forEach(blocks::add);
      content.append(delta.path("content").asText(""));
    }
    assertThat(reasoning).containsExactly("Let me ", "think.");
    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(0).path("thinking").asText()).isEqualTo("Let me think.");
    assertThat(blocks.get(0).path("signature").asText()).isEqualTo(FakeConverseUseCase.SIGNATURE);
    assertThat(blocks.get(1).path("data").asText()).isEqualTo("CQgH");
    assertThat(content.toString()).isEqualTo("Hello");
    assertThat(deltas.getFirst().path("role").asText()).isEqualTo("assistant");
  }

  @Test
  void thinkingBlocksSentBackGoBeforeTheAssistantsTextAndToolCalls() {
    String body =
        """
        {"model":"m","messages":[
          {"role":"user","content":"Hi"},
          {"role":"assistant","content":"Hello",
           "thinking_blocks":[{"type":"thinking","thinking":"Let me think.","signature":"%s"},
                              {"type":"redacted_thinking","data":"CQgH"}]},
          {"role":"user","content":"And?"}]}
        """
            .formatted(FakeConverseUseCase.SIGNATURE);

    assertThat(post("/v1/chat/completions", body).statusCode()).isEqualTo(200);

    assertThat(server.converse.lastCommand().request().messages().get(1).content())
        .containsExactly(SIGNED, REDACTED, new TextBlock("Hello"));
  }

  @Test
  void aMalformedThinkingBlockIsRefusedNamingTheField() {
    String body =
        """
        {"model":"m","messages":[{"role":"user","content":"Hi"},
          {"role":"assistant","content":"Hello","thinking_blocks":[{"type":"secret"}]},
          {"role":"user","content":"And?"}]}
        """;

    HttpResponse<String> response = post("/v1/chat/completions", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).at("/error/message").asText())
        .contains("messages[1].thinking_blocks[0].type: must be thinking or redacted_thinking");
  }

  @Test
  void aResponseStartsWithReasoningItemsThatCarryTheSignedReasoning() {
    JsonNode output = responseOutput();

    assertThat(output.at("/0/type").asText()).isEqualTo("reasoning");
    assertThat(output.at("/0/id").asText()).startsWith("rs_");
    assertThat(output.at("/0/summary").toString())
        .isEqualTo("[{\"type\":\"summary_text\",\"text\":\"Let me think.\"}]");
    assertThat(output.at("/0/encrypted_content").asText()).isNotBlank();
    assertThat(output.at("/1/type").asText()).isEqualTo("reasoning");
    assertThat(output.at("/1/summary").isEmpty()).isTrue();
    assertThat(output.at("/2/type").asText()).isEqualTo("message");
    assertThat(output.at("/2/content/0/text").asText()).isEqualTo("Hello");
  }

  @Test
  void reasoningItemsSentBackGiveTheModelItsReasoningUnchanged() {
    JsonNode output = responseOutput();
    String body =
        """
        {"model":"m","input":[
          {"role":"user","content":"Hi"}, %s, %s,
          {"type":"reasoning","id":"rs_other","summary":[],"encrypted_content":"gAAAAABo-other-model"},
          {"role":"assistant","content":[{"type":"output_text","text":"Hello"}]},
          {"role":"user","content":"And?"}]}
        """
            .formatted(output.get(0), output.get(1));

    HttpResponse<String> response = post("/v1/responses", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<ContentBlock> assistant =
        server.converse.lastCommand().request().messages().get(1).content();
    assertThat(assistant).containsExactly(SIGNED, REDACTED, new TextBlock("Hello"));
  }

  @Test
  void aDamagedReasoningItemIsRefusedNamingTheField() {
    String body =
        """
        {"model":"m","input":[{"role":"user","content":"Hi"},
          {"type":"reasoning","id":"rs_1","summary":[],"encrypted_content":"bgw1.t.%%%.x"},
          {"role":"user","content":"And?"}]}
        """;

    HttpResponse<String> response = post("/v1/responses", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).at("/error/message").asText())
        .contains("input[1].encrypted_content: is not the reasoning this gateway gave");
  }

  @Test
  void aStreamedResponseSendsTheReasoningAsSummaryEventsAndTheSameItems() {
    JsonNode whole = responseOutput();
    List<JsonNode> events =
        TestServer.events(
            post("/v1/responses", "{\"model\":\"m\",\"stream\":true,\"input\":\"Hi\"}").body());

    assertThat(events)
        .extracting(event -> event.path("type").asText())
        .containsSubsequence(
            "response.output_item.added",
            "response.reasoning_summary_part.added",
            "response.reasoning_summary_text.delta",
            "response.reasoning_summary_text.delta",
            "response.reasoning_summary_text.done",
            "response.reasoning_summary_part.done",
            "response.output_item.done",
            "response.output_item.added",
            "response.output_item.done",
            "response.output_item.added",
            "response.output_text.delta",
            "response.completed");
    assertThat(events)
        .filteredOn(event -> event.path("type").asText().endsWith("summary_text.delta"))
        .extracting(event -> event.path("delta").asText())
        .containsExactly("Let me ", "think.");
    JsonNode output = events.getLast().at("/response/output");
    assertThat(output.at("/0/encrypted_content")).isEqualTo(whole.at("/0/encrypted_content"));
    assertThat(output.at("/1/encrypted_content")).isEqualTo(whole.at("/1/encrypted_content"));
    assertThat(output.at("/0/summary")).isEqualTo(whole.at("/0/summary"));
  }

  private JsonNode responseOutput() {
    HttpResponse<String> response = post("/v1/responses", "{\"model\":\"m\",\"input\":\"Hi\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    server.converse.lastCommand();
    return json(response.body()).path("output");
  }
}
