package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.HELLO;
import static io.bedrockgateway.adapter.http.TestServer.KEY;
import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.application.port.in.ConverseResult;
import io.bedrockgateway.domain.chat.CachePoint;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.key.ApiKeySecret;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConverseRoutesTest {
  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> routesAndKeyHeaders() {
    return Stream.of("/api/v1", "/api/v1/bedrock")
        .flatMap(prefix -> Stream.of("/converse", "/converse-stream").map(route -> prefix + route))
        .flatMap(
            path ->
                Stream.of(
                    Arguments.of(path, "X-API-Key", KEY),
                    Arguments.of(path, "Authorization", "Bearer " + KEY)));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("routesAndKeyHeaders")
  void everyRouteReachesTheUseCaseWithTheKeyFromEitherHeader(
      String path, String header, String value) {
    HttpResponse<String> response = server.send(server.post(path, HELLO).header(header, value));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.keyCheck.presented).containsExactly(Optional.of(new ApiKeySecret(KEY)));
    assertThat(server.converse.lastCommand().caller()).isEqualTo(FakeAuthenticateUseCase.CALLER);
  }

  @Test
  void xApiKeyWinsOverAuthorization() {
    server.send(
        server
            .post("/api/v1/converse", HELLO)
            .header("X-API-Key", KEY)
            .header("Authorization", "Bearer other"));

    assertThat(server.keyCheck.presented).containsExactly(Optional.of(new ApiKeySecret(KEY)));
    assertThat(server.converse.lastCommand().caller()).isEqualTo(FakeAuthenticateUseCase.CALLER);
  }

  @Test
  void withoutAKeyTheUseCaseIsNeverCalled() {
    HttpResponse<String> response =
        server.send(server.post("/api/v1/converse", HELLO).header("Authorization", "Basic dTpw"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response.body()).get("error").asText()).isEqualTo("API key required");
    assertThat(server.keyCheck.presented).containsExactly(Optional.empty());
    assertThat(server.converse.called()).isFalse();
  }

  @Test
  void aKeyNoKeyCanLookLikeIsRefusedAsInvalid() {
    HttpResponse<String> response =
        server.send(server.post("/api/v1/converse", HELLO).header("X-API-Key", "k".repeat(600)));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response.body()).get("error").asText()).isEqualTo("Invalid API key");
    assertThat(server.converse.called()).isFalse();
  }

  @Test
  void plainStringContentBecomesOneTextBlock() {
    server.converse(HELLO);

    assertThat(server.converse.lastCommand().request().messages())
        .containsExactly(ChatMessage.text(Role.USER, "Hi"));
  }

  @Test
  void mapsContentBlocksSystemPromptsAndParameters() {
    server.converse(
        """
        {"model_id": "us.anthropic.claude-x",
         "system_prompt": "Be brief.",
         "messages": [
           {"role": "system", "content": "Answer in French."},
           {"role": "user", "content": [{"text": "Bonjour"}, {"text": "Ça va ?"}]},
           {"role": "assistant", "content": "Oui."},
           {"role": "system", "content": [{"text": "No emojis."}]},
           {"role": "user", "content": "Et toi ?"}
         ],
         "temperature": 0.2, "top_p": 1, "max_tokens": 512, "stop_sequences": ["END"],
         "tool_config": null, "stream": true, "unknown": {"ignored": [1, 2]}}
        """);

    ChatRequest request = server.converse.lastCommand().request();
    assertThat(request.model()).contains(new ModelId("us.anthropic.claude-x"));
    assertThat(request.system())
        .containsExactly(
            new TextBlock("Be brief."),
            new TextBlock("Answer in French."),
            new TextBlock("No emojis."));
    assertThat(request.messages())
        .containsExactly(
            new ChatMessage(Role.USER, List.of(new TextBlock("Bonjour"), new TextBlock("Ça va ?"))),
            ChatMessage.text(Role.ASSISTANT, "Oui."),
            ChatMessage.text(Role.USER, "Et toi ?"));
    assertThat(request.parameters())
        .isEqualTo(
            new InferenceParameters(
                Optional.of(512), Optional.of(0.2), Optional.of(1.0), List.of("END")));
  }

  @Test
  void passesPromptCacheCheckpointsInSystemMessagesAndTools() {
    server.converse(
        """
        {"messages": [
           {"role": "system", "content": [{"text": "A long manual."}, {"cachePoint": {"type": "default"}}]},
           {"role": "user", "content": [{"text": "A long document."}, {"cachePoint": {"type": "default"}},
                                        {"text": "The question."}]}
         ],
         "tool_config": {"tools": [
           {"toolSpec": {"name": "lookup", "inputSchema": {"json": {"type": "object"}}}},
           {"cachePoint": {"type": "default"}}]}}
        """);

    ChatRequest request = server.converse.lastCommand().request();
    assertThat(request.system()).containsExactly(new TextBlock("A long manual."), new CachePoint());
    assertThat(request.messages().getFirst().content())
        .containsExactly(
            new TextBlock("A long document."), new CachePoint(), new TextBlock("The question."));
    assertThat(request.tools().orElseThrow().tools()).hasSize(2).last().isEqualTo(new CachePoint());
    assertThat(request.usesPromptCache()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"messages":[{"role":"user","content":[{"text":"a"},{"cachePoint":{"type":"ephemeral"}}]}]} | messages[0].content[1].cachePoint.type: must be default
          {"messages":[{"role":"user","content":[{"cachePoint":"default"}]}]}                         | messages[0].content[0].cachePoint: must be an object
          {"messages":[{"role":"user","content":"a"}],"tool_config":{"tools":[{"cachePoint":{"type":"default"}}]}} | tool_config: tools must hold at least one tool
          {"messages":[{"role":"user","content":"a"}],"tool_config":{"tools":[{"cachePoint":{}}]}}   | tool_config.tools[0].cachePoint.type: is required
          """)
  void refusesMalformedCachePoints(String body, String detail) {
    HttpResponse<String> response = server.converse(body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response.body()).get("detail").asText()).startsWith(detail);
  }

  @Test
  void absentOptionalFieldsStayAbsent() {
    server.converse(HELLO);

    ChatRequest request = server.converse.lastCommand().request();
    assertThat(request.model()).isEmpty();
    assertThat(request.system()).isEmpty();
    assertThat(request.parameters()).isEqualTo(InferenceParameters.DEFAULTS);
  }

  @Test
  void converseAnswersInBedrockConverseShapeWithRateLimitHeaders() {
    HttpResponse<String> response = server.converse(HELLO);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(json(response.body()))
        .isEqualTo(
            json(
                """
                {"output":{"message":{"role":"assistant","content":[{"text":"Hello"}]}},
                 "stopReason":"end_turn",
                 "usage":{"inputTokens":12,"outputTokens":40,"totalTokens":52},
                 "metrics":{"latencyMs":812},
                 "servedModel":"anthropic.claude-test"}
                """));
    assertThat(response.headers().firstValue("X-RateLimit-Limit")).contains("100");
    assertThat(response.headers().firstValue("X-RateLimit-Remaining")).contains("99");
    assertThat(response.headers().firstValue("X-RateLimit-Reset"))
        .contains(Long.toString(FakeConverseUseCase.RATE_LIMIT.resetAt().getEpochSecond()));
  }

  @Test
  void aCachedPromptShowsItsCacheTokensAsBedrockDoes() {
    server.converse.answers(
        () ->
            new ConverseResult(
                new ChatResponse(
                    ChatMessage.text(Role.ASSISTANT, "Hello"),
                    StopReason.END_TURN,
                    new TokenUsage(12, 40, 1_024, 8),
                    812,
                    FakeConverseUseCase.MODEL),
                Optional.empty(),
                Duration.ZERO));

    HttpResponse<String> response = server.converse(HELLO);

    assertThat(json(response.body()).get("usage"))
        .isEqualTo(
            json(
                """
                {"inputTokens":12,"outputTokens":40,"totalTokens":1084,
                 "cacheReadInputTokens":1024,"cacheWriteInputTokens":8}
                """));
  }

  @Test
  void theUseCaseRunsOnAVirtualThread() {
    server.converse(HELLO);

    assertThat(server.converse.ranOnVirtualThread()).isTrue();
  }

  @Test
  void theCommandCarriesTheRequestFacts() {
    HttpResponse<String> response =
        server.send(
            server
                .post("/api/v1/converse", HELLO)
                .header("X-API-Key", KEY)
                .header("User-Agent", "client/1.0")
                .header("X-Request-ID", "req-42"));

    ConverseCommand command = server.converse.lastCommand();
    assertThat(command.context().requestId().value()).isEqualTo("req-42");
    assertThat(command.context().receivedAt()).isEqualTo(TestServer.NOW);
    assertThat(command.context().userAgent()).contains("client/1.0");
    assertThat(command.context().clientIp())
        .hasValueSatisfying(
            ip -> assertThat(ip).isIn("127.0.0.1", "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]"));
    assertThat(response.headers().firstValue("X-Request-ID")).contains("req-42");
  }

  @Test
  void withoutARateLimitStatusThereAreNoRateLimitHeaders() {
    server.converse.answers(
        () ->
            new ConverseResult(
                new ChatResponse(
                    ChatMessage.text(Role.ASSISTANT, "line one\nline two"),
                    StopReason.MAX_TOKENS,
                    TokenUsage.NONE,
                    1,
                    FakeConverseUseCase.MODEL),
                Optional.empty(),
                Duration.ZERO));

    HttpResponse<String> response = server.converse(HELLO);

    JsonNode body = json(response.body());
    assertThat(body.at("/output/message/content/0/text").asText()).isEqualTo("line one\nline two");
    assertThat(body.get("stopReason").asText()).isEqualTo("max_tokens");
    assertThat(response.headers().firstValue("X-RateLimit-Limit")).isEmpty();
  }
}
