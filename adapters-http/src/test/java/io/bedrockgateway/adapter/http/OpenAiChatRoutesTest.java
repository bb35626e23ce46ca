package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.application.port.in.ConverseResult;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.DocumentBlock;
import io.bedrockgateway.domain.chat.ImageBlock;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.chat.ToolConfig;
import io.bedrockgateway.domain.chat.ToolResultBlock;
import io.bedrockgateway.domain.chat.ToolUseBlock;
import io.bedrockgateway.domain.error.RateLimited;
import io.bedrockgateway.domain.error.UnknownModel;
import io.bedrockgateway.domain.error.UpstreamFailed;
import io.bedrockgateway.domain.json.JsonValue;
import io.bedrockgateway.domain.media.ImageFormat;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.request.ApiSurface;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /v1/chat/completions} through real HTTP, over the fake converse use case. */
class OpenAiChatRoutesTest {
  private static final String PATH = "/v1/chat/completions";
  private static final String HELLO =
      "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.converse.forgetCalls();
    server.converse.streams(FakeConverseUseCase::hello);
    server.converse.streamStopsFor(StopReason.END_TURN);
    server.converse.answers(
        () ->
            new ConverseResult(
                new ChatResponse(
                    ChatMessage.text(Role.ASSISTANT, "Hello"),
                    StopReason.END_TURN,
                    new TokenUsage(12, 40, 5, 0),
                    812,
                    FakeConverseUseCase.MODEL),
                Optional.of(FakeConverseUseCase.RATE_LIMIT),
                Duration.ZERO));
  }

  private static HttpResponse<String> chat(String body) {
    return server.send(server.post(PATH, body).header("Authorization", "Bearer " + TestServer.KEY));
  }

  @Test
  void aChatIsAnsweredInOpenAisShapeWithCachedTokens() {
    HttpResponse<String> response = chat(HELLO);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = TestServer.json(response.body());
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("id").asText()).startsWith("chatcmpl-");
    assertThat(body.path("created").asLong()).isEqualTo(TestServer.NOW.getEpochSecond());
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
    JsonNode choice = body.path("choices").get(0);
    assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
    assertThat(choice.path("message").path("content").asText()).isEqualTo("Hello");
    assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
    JsonNode usage = body.path("usage");
    assertThat(usage.path("prompt_tokens").asLong()).isEqualTo(17);
    assertThat(usage.path("completion_tokens").asLong()).isEqualTo(40);
    assertThat(usage.path("total_tokens").asLong()).isEqualTo(57);
    assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asLong()).isEqualTo(5);
    assertThat(response.headers().firstValue("X-RateLimit-Remaining")).contains("99");
  }

  @Test
  void theCommandCarriesTheConversationTheSurfaceAndTheUser() {
    chat(
        """
        {"model":"gpt-4o","user":"alice@example.com","temperature":0.2,"max_completion_tokens":300,
         "stop":"END","messages":[
          {"role":"system","content":"Be brief."},
          {"role":"developer","content":[{"type":"text","text":"Use French."}]},
          {"role":"user","content":[{"type":"text","text":"Weather?"},
            {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw=="}},
            {"type":"file","file":{"filename":"report.pdf","file_data":"data:application/pdf;base64,JVBERg=="}}]},
          {"role":"assistant","content":null,"tool_calls":[
            {"id":"call_1","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
            {"id":"call_2","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Lyon\\"}"}}]},
          {"role":"tool","tool_call_id":"call_1","content":"21 C"},
          {"role":"tool","tool_call_id":"call_2","content":"19 C"}],
         "tools":[{"type":"function","function":{"name":"weather","description":"Forecast",
           "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
         "tool_choice":"required"}
        """);

    ConverseCommand command = server.converse.lastCommand();
    assertThat(command.context().surface()).isEqualTo(ApiSurface.OPENAI);
    assertThat(command.context().endUser()).contains("alice@example.com");
    assertThat(command.request().model().orElseThrow().value()).isEqualTo("gpt-4o");
    assertThat(command.request().system())
        .containsExactly(new TextBlock("Be brief."), new TextBlock("Use French."));
    assertThat(command.request().parameters().maxTokens()).contains(300);
    assertThat(command.request().parameters().temperature()).contains(0.2);
    assertThat(command.request().parameters().stopSequences()).containsExactly("END");
    List<ChatMessage> messages = command.request().messages();
    assertThat(messages).hasSize(3);
    assertThat(messages.get(0).content())
        .hasSize(3)
        .satisfies(
            content -> {
              assertThat(content.get(1)).isInstanceOf(ImageBlock.class);
              assertThat(((ImageBlock) content.get(1)).format()).isEqualTo(ImageFormat.PNG);
              assertThat(content.get(2)).isInstanceOf(DocumentBlock.class);
            });
    assertThat(messages.get(1).content())
        .extracting(block -> ((ToolUseBlock) block).toolUseId())
        .containsExactly("call_1", "call_2");
    // both results go back in one user turn, as Bedrock wants
    assertThat(messages.get(2).role()).isEqualTo(Role.USER);
    assertThat(messages.get(2).content())
        .extracting(block -> ((ToolResultBlock) block).toolUseId())
        .containsExactly("call_1", "call_2");
    ToolConfig tools = command.request().tools().orElseThrow();
    assertThat(tools.choice()).contains(new ToolConfig.Choice.Any());
    assertThat(((ToolConfig.Tool) tools.tools().getFirst()).name()).isEqualTo("weather");
  }

  @Test
  void toolCallsAreAnsweredWithNullContentAndArgumentsAsJsonText() {
    server.converse.answers(
        () ->
            new ConverseResult(
                new ChatResponse(
                    new ChatMessage(
                        Role.ASSISTANT,
                        List.of(
                            new ToolUseBlock(
                                "tooluse_1",
                                "weather",
                                new JsonValue.JsonObject(
                                    Map.of("city", new JsonValue.JsonString("Paris")))))),
                    StopReason.TOOL_USE,
                    new TokenUsage(12, 40),
                    812,
                    FakeConverseUseCase.MODEL),
                Optional.empty(),
                Duration.ZERO));

    JsonNode choice = TestServer.json(chat(HELLO).body()).path("choices").get(0);

    assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
    assertThat(choice.path("message").has("content")).isTrue();
    assertThat(choice.path("message").path("content").isNull()).isTrue();
    JsonNode call = choice.path("message").path("tool_calls").get(0);
    assertThat(call.path("id").asText()).isEqualTo("tooluse_1");
    assertThat(call.path("type").asText()).isEqualTo("function");
    assertThat(call.path("function").path("name").asText()).isEqualTo("weather");
    assertThat(
            TestServer.json(call.path("function").path("arguments").asText()).path("city").asText())
        .isEqualTo("Paris");
  }

  @Test
  void aJsonSchemaFormatIsAForcedToolWhoseInputIsTheContent() {
    server.converse.answers(
        () ->
            new ConverseResult(
                new ChatResponse(
                    new ChatMessage(
                        Role.ASSISTANT,
                        List.of(
                            new ToolUseBlock(
                                "tooluse_1",
                                "city",
                                new JsonValue.JsonObject(
                                    Map.of("name", new JsonValue.JsonString("Paris")))))),
                    StopReason.TOOL_USE,
                    new TokenUsage(12, 40),
                    812,
                    FakeConverseUseCase.MODEL),
                Optional.empty(),
                Duration.ZERO));

    JsonNode choice =
        TestServer.json(
                chat("""
                    {"model":"gpt-4o","messages":[{"role":"user","content":"Capital of France?"}],
                     "response_format":{"type":"json_schema","json_schema":{"name":"city",
                       "schema":{"type":"object","properties":{"name":{"type":"string"}}}}}}
                    """)
                    .body())
            .path("choices")
            .get(0);

    ToolConfig tools = server.converse.lastCommand().request().tools().orElseThrow();
    assertThat(tools.choice()).contains(new ToolConfig.Choice.Named("city"));
    assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
    assertThat(choice.path("message").has("tool_calls")).isFalse();
    assertThat(
            TestServer.json(choice.path("message").path("content").asText()).path("name").asText())
        .isEqualTo("Paris");
  }

  @Test
  void reasoningEffortIsTheThinkingBudgetOfAModelThatHasOne() {
    chat(
        """
        {"model":"us.anthropic.claude-sonnet-4-5-20250929-v1:0","reasoning_effort":"medium",
         "max_completion_tokens":8000,"messages":[{"role":"user","content":"Think."}]}
        """);

    JsonValue.JsonObject fields =
        server.converse.lastCommand().request().additionalModelRequestFields().orElseThrow();
    JsonValue.JsonObject thinking = (JsonValue.JsonObject) fields.members().get("thinking");
    assertThat(thinking.members().get("type")).isEqualTo(new JsonValue.JsonString("enabled"));
    assertThat(((JsonValue.JsonNumber) thinking.members().get("budget_tokens")).value().intValue())
        .isEqualTo(4_096);
  }

  @Test
  void reasoningNeedsRoomAboveItsBudgetAndNoneThinksNot() {
    HttpResponse<String> tooSmall =
        chat(
            """
            {"model":"anthropic.claude-3-7-sonnet-20250219-v1:0","reasoning_effort":"high",
             "max_tokens":1000,"messages":[{"role":"user","content":"Think."}]}
            """);
    assertThat(tooSmall.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(tooSmall.body()).path("error").path("param").asText())
        .isEqualTo("reasoning_effort");

    chat(
        """
        {"model":"amazon.nova-pro-v1:0","reasoning_effort":"none",
         "messages":[{"role":"user","content":"Hi"}]}
        """);
    assertThat(server.converse.lastCommand().request().additionalModelRequestFields()).isEmpty();
  }

  @Test
  void toolChoiceNoneLeavesTheToolsOutAndJsonObjectForcesAnObject() {
    chat(
        """
        {"messages":[{"role":"user","content":"Hi"}],"tool_choice":"none",
         "tools":[{"type":"function","function":{"name":"weather"}}]}
        """);
    assertThat(server.converse.lastCommand().request().tools()).isEmpty();

    chat(
        """
        {"messages":[{"role":"user","content":"JSON please"}],
         "response_format":{"type":"json_object"}}
        """);
    ToolConfig forced = server.converse.lastCommand().request().tools().orElseThrow();
    assertThat(forced.choice()).contains(new ToolConfig.Choice.Named("json_object"));
  }

  @Test
  void aStreamSendsTheRoleTheDeltasTheFinishReasonTheUsageAndDone() {
    HttpResponse<String> response =
        chat(
            """
            {"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"user","content":"Hi"}]}
            """);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
    List<String> data = response.body().lines().filter(line -> line.startsWith("data: ")).toList();
    assertThat(data.getLast()).isEqualTo("data: [DONE]");
    List<JsonNode> chunks =
        data.subList(0, data.size() - 1).stream()
            .map(line -> TestServer.json(line.substring(6)))
            .toList();
    assertThat(chunks)
        .allSatisfy(
            chunk -> assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk"));
    assertThat(chunks.getFirst().path("choices").get(0).path("delta").path("role").asText())
        .isEqualTo("assistant");
    StringBuilder text = new StringBuilder();
    chunks.forEach(
        chunk ->
            chunk
                .path("choices")
                .forEach(c -> text.append(c.path("delta").path("content").asText(""))));
    assertThat(text.toString()).isEqualTo("Hello");
    JsonNode finish = chunks.get(chunks.size() - 2);
    assertThat(finish.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
    assertThat(finish.has("usage")).isTrue();
    assertThat(finish.path("usage").isNull()).isTrue();
    JsonNode usage = chunks.getLast();
    assertThat(usage.path("choices")).isEmpty();
    assertThat(usage.path("usage").path("prompt_tokens").asLong()).isEqualTo(12);
    assertThat(usage.path("usage").path("completion_tokens").asLong()).isEqualTo(40);
  }

  @Test
  void aStreamWithoutIncludeUsageHasNoUsage() {
    server.converse.streams(
        observer -> {
          observer.serving(FakeConverseUseCase.MODEL);
          FakeConverseUseCase.hello(observer);
        });
    HttpResponse<String> response =
        chat("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

    List<JsonNode> chunks =
        response
            .body()
            .lines()
            .filter(line -> line.startsWith("data: {"))
            .map(line -> TestServer.json(line.substring(6)))
            .toList();
    assertThat(chunks).isNotEmpty().allSatisfy(chunk -> assertThat(chunk.has("usage")).isFalse());
    // no model was named: the one that served is
    assertThat(chunks.getFirst().path("model").asText())
        .isEqualTo(FakeConverseUseCase.MODEL.value());
  }

  @Test
  void toolCallsStreamWithTheirIndexesIdOnTheFirstFragmentAndArgumentPieces() {
    server.converse.streamStopsFor(StopReason.TOOL_USE);
    server.converse.streams(
        observer -> {
          observer.admitted(Optional.empty());
          List.of(
                  new ChatStreamEvent.MessageStart(Role.ASSISTANT),
                  new ChatStreamEvent.TextDelta(0, "Checking."),
                  new ChatStreamEvent.ContentBlockStop(0),
                  new ChatStreamEvent.ToolUseStart(1, "tooluse_a", "weather"),
                  new ChatStreamEvent.ToolUseDelta(1, "{\"city\":"),
                  new ChatStreamEvent.ToolUseDelta(1, "\"Paris\"}"),
                  new ChatStreamEvent.ContentBlockStop(1),
                  new ChatStreamEvent.ToolUseStart(2, "tooluse_b", "weather"),
                  new ChatStreamEvent.ToolUseDelta(2, "{\"city\":\"Lyon\"}"),
                  new ChatStreamEvent.ContentBlockStop(2),
                  new ChatStreamEvent.MessageStop(StopReason.TOOL_USE))
              .forEach(observer::accept);
        });

    List<JsonNode> deltas =
        chat(HELLO.replace("{\"model\"", "{\"stream\":true,\"model\""))
            .body()
            .lines()
            .filter(line -> line.startsWith("data: {"))
            .map(line -> TestServer.json(line.substring(6)).path("choices").get(0))
            .toList();

    List<JsonNode> calls =
        deltas.stream()
            .filter(choice -> choice.path("delta").has("tool_calls"))
            .map(choice -> choice.path("delta").path("tool_calls").get(0))
            .toList();
    assertThat(calls).hasSize(5);
    assertThat(calls.get(0).path("index").asInt()).isZero();
    assertThat(calls.get(0).path("id").asText()).isEqualTo("tooluse_a");
    assertThat(calls.get(0).path("type").asText()).isEqualTo("function");
    assertThat(calls.get(0).path("function").path("name").asText()).isEqualTo("weather");
    assertThat(calls.get(1).has("id")).isFalse();
    assertThat(calls.get(1).path("function").has("name")).isFalse();
    assertThat(calls.get(2).path("index").asInt()).isZero();
    assertThat(
            calls.get(0).path("function").path("arguments").asText()
                + calls.get(1).path("function").path("arguments").asText()
                + calls.get(2).path("function").path("arguments").asText())
        .isEqualTo("{\"city\":\"Paris\"}");
    assertThat(calls.get(3).path("index").asInt()).isEqualTo(1);
    assertThat(calls.get(3).path("id").asText()).isEqualTo("tooluse_b");
    assertThat(calls.get(4).path("index").asInt()).isEqualTo(1);
    assertThat(calls.get(4).path("function").path("arguments").asText())
        .isEqualTo("{\"city\":\"Lyon\"}");
    assertThat(deltas.getLast().path("finish_reason").asText()).isEqualTo("tool_calls");
  }

  @Test
  void aStreamedJsonAnswerComesAsContentDeltas() {
    server.converse.streamStopsFor(StopReason.TOOL_USE);
    server.converse.streams(
        observer ->
            List.of(
                    new ChatStreamEvent.MessageStart(Role.ASSISTANT),
                    new ChatStreamEvent.ToolUseStart(0, "tooluse_1", "json_object"),
                    new ChatStreamEvent.ToolUseDelta(0, "{\"city\":"),
                    new ChatStreamEvent.ToolUseDelta(0, "\"Paris\"}"),
                    new ChatStreamEvent.ContentBlockStop(0))
                .forEach(observer::accept));

    List<JsonNode> choices =
        chat("""
                {"stream":true,"response_format":{"type":"json_object"},
                 "messages":[{"role":"user","content":"JSON please"}]}
                """)
            .body()
            .lines()
            .filter(line -> line.startsWith("data: {"))
            .map(line -> TestServer.json(line.substring(6)).path("choices").get(0))
            .toList();

    StringBuilder content = new StringBuilder();
    choices.forEach(choice -> content.append(choice.path("delta").path("content").asText("")));
    assertThat(content.toString()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(choices).noneMatch(choice -> choice.path("delta").has("tool_calls"));
    assertThat(choices.getLast().path("finish_reason").asText()).isEqualTo("stop");
  }

  @Test
  void aStreamThatFailsAfterItBeganEndsWithAnErrorEventAndNoDone() {
    server.converse.streams(
        observer -> {
          observer.admitted(Optional.empty());
          observer.accept(new ChatStreamEvent.MessageStart(Role.ASSISTANT));
          observer.accept(new ChatStreamEvent.TextDelta(0, "Hel"));
          throw new UpstreamFailed("the model stream broke");
        });

    HttpResponse<String> response =
        chat("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

    assertThat(response.statusCode()).isEqualTo(200);
    List<String> data = response.body().lines().filter(line -> line.startsWith("data: ")).toList();
    assertThat(data).doesNotContain("data: [DONE]");
    JsonNode error = TestServer.json(data.getLast().substring(6)).path("error");
    assertThat(error.path("type").asText()).isEqualTo("api_error");
    assertThat(error.path("message").asText()).contains("the model stream broke");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"n\":2 | n",
        "\"logprobs\":true | logprobs",
        "\"top_logprobs\":3 | top_logprobs",
        "\"audio\":{\"voice\":\"alloy\",\"format\":\"mp3\"} | audio",
        "\"modalities\":[\"text\",\"audio\"] | modalities",
        "\"frequency_penalty\":0.5 | frequency_penalty",
        "\"presence_penalty\":0.5 | presence_penalty",
        "\"logit_bias\":{\"50256\":-100} | logit_bias",
        "\"seed\":7 | seed",
        "\"prediction\":{\"type\":\"content\",\"content\":\"x\"} | prediction",
        "\"functions\":[{\"name\":\"f\"}] | functions",
        "\"parallel_tool_calls\":false | parallel_tool_calls",
        "\"temperature\":1.5 | temperature",
        "\"reasoning_effort\":\"high\" | reasoning_effort",
        "\"response_format\":{\"type\":\"yaml\"} | response_format.type",
        "\"tool_choice\":\"sometimes\" | tool_choice",
        "\"stream_options\":{\"include_usage\":true} | stream_options",
        "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat.png\"}}]}] | messages[0].content[0].image_url.url",
        "\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}] | messages[0].role",
        "\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"not json\"}}]}] | messages[0].tool_calls[0].function.arguments",
      })
  void whatTheGatewayCannotHonourIsA400NamingTheParam(String field, String param) {
    String body =
        field.startsWith("\"messages\"")
            ? "{\"model\":\"gpt-4o\"," + field + "}"
            : "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + field
                + "}";

    HttpResponse<String> response = chat(body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = TestServer.json(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("param").asText()).isEqualTo(param);
    assertThat(error.path("code").asText()).isEqualTo("invalid_request");
    assertThat(error.path("message").asText()).isNotBlank();
  }

  @Test
  void aRemoteImageUrlIsRefusedSayingTheGatewayFetchesNothing() {
    HttpResponse<String> response =
        chat(
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"http://169.254.169.254/latest/meta-data\"}}]}]}");

    assertThat(TestServer.json(response.body()).path("error").path("message").asText())
        .contains("fetches no remote URL", "REMOTE_MEDIA_HOSTS");
    assertThat(server.converse.called()).isFalse();
  }

  @Test
  void errorsAreInOpenAisShapeWithTheirStatusesAndCodes() {
    HttpResponse<String> noKey = server.send(server.post(PATH, HELLO));
    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(TestServer.json(noKey.body()).path("error").path("type").asText())
        .isEqualTo("authentication_error");

    HttpResponse<String> badKey =
        server.send(server.post(PATH, HELLO).header("Authorization", "Bearer bgw_wrong"));
    assertThat(badKey.statusCode()).isEqualTo(401);
    assertThat(TestServer.json(badKey.body()).path("error").path("code").asText())
        .isEqualTo("invalid_api_key");

    server.converse.failsWith(new UnknownModel("no such model"));
    HttpResponse<String> unknown = chat(HELLO);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(TestServer.json(unknown.body()).path("error").path("code").asText())
        .isEqualTo("model_not_found");

    server.converse.failsWith(
        new RateLimited(LimitKind.REQUESTS, Duration.ofSeconds(7), Optional.empty()));
    HttpResponse<String> limited = chat(HELLO);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("7");
    JsonNode error = TestServer.json(limited.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
    assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");

    server.converse.failsWith(new UpstreamFailed("boom"));
    HttpResponse<String> failed = chat(HELLO);
    assertThat(failed.statusCode()).isEqualTo(502);
    assertThat(TestServer.json(failed.body()).path("error").path("type").asText())
        .isEqualTo("api_error");
  }
}
