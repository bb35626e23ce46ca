package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.application.port.in.ConverseResult;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.chat.ToolResultBlock;
import io.bedrockgateway.domain.chat.ToolUseBlock;
import io.bedrockgateway.domain.error.UpstreamFailed;
import io.bedrockgateway.domain.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /v1/responses}, stateless, through real HTTP over the fake converse use case. */
class OpenAiResponsesRoutesTest {
  private static final String PATH = "/v1/responses";
  private static TestServer server;

  /** One SSE event: its name and its data. */
  record Event(String name, JsonNode data) {}

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
  }

  private static HttpResponse<String> respond(String body) {
    return server.send(server.post(PATH, body).header("Authorization", "Bearer " + TestServer.KEY));
  }

  @Test
  void textInputIsAnsweredAsAResponseWithOutputTextAndUsage() {
    server.converse.answers(
        () ->
            new ConverseResult(
                new ChatResponse(
                    ChatMessage.text(Role.ASSISTANT, "Hello"),
                    StopReason.END_TURN,
                    new TokenUsage(12, 40, 3, 0),
                    812,
                    FakeConverseUseCase.MODEL),
                Optional.empty(),
                Duration.ZERO));

    HttpResponse<String> response =
        respond("{\"model\":\"gpt-4o\",\"instructions\":\"Be brief.\",\"input\":\"Hi\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = TestServer.json(response.body());
    assertThat(body.path("object").asText()).isEqualTo("response");
    assertThat(body.path("id").asText()).startsWith("resp_");
    assertThat(body.path("status").asText()).isEqualTo("completed");
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
    JsonNode message = body.path("output").get(0);
    assertThat(message.path("type").asText()).isEqualTo("message");
    assertThat(message.path("role").asText()).isEqualTo("assistant");
    assertThat(message.path("content").get(0).path("type").asText()).isEqualTo("output_text");
    assertThat(message.path("content").get(0).path("text").asText()).isEqualTo("Hello");
    assertThat(body.path("usage").path("input_tokens").asLong()).isEqualTo(15);
    assertThat(body.path("usage").path("input_tokens_details").path("cached_tokens").asLong())
        .isEqualTo(3);
    assertThat(body.path("usage").path("output_tokens").asLong()).isEqualTo(40);
    assertThat(body.path("usage").path("total_tokens").asLong()).isEqualTo(55);
    ConverseCommand command = server.converse.lastCommand();
    assertThat(command.request().system()).containsExactly(new TextBlock("Be brief."));
  }

  @Test
  void itemsCarryTheConversationWithFunctionCallsAndTheirOutputs() {
    respond(
        """
        {"model":"gpt-4o","input":[
          {"role":"user","content":"Weather in Paris?"},
          {"type":"function_call","call_id":"call_1","name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"},
          {"type":"function_call_output","call_id":"call_1","output":"21 C"},
          {"type":"message","role":"user","content":[{"type":"input_text","text":"And tomorrow?"}]}],
         "tools":[{"type":"function","name":"weather","parameters":{"type":"object"}}],
         "max_output_tokens":200}
        """);

    ConverseCommand command = server.converse.lastCommand();
    List<ChatMessage> messages = command.request().messages();
    assertThat(messages).hasSize(3);
    assertThat(((ToolUseBlock) messages.get(1).content().getFirst()).toolUseId())
        .isEqualTo("call_1");
    assertThat(messages.get(2).content().getFirst()).isInstanceOf(ToolResultBlock.class);
    assertThat(messages.get(2).content().get(1)).isEqualTo(new TextBlock("And tomorrow?"));
    assertThat(command.request().parameters().maxTokens()).contains(200);
    assertThat(command.request().tools()).isPresent();
  }

  @Test
  void aFunctionCallIsAnOutputItem() {
    server.converse.answers(
        () ->
            FakeConverseUseCase.answer(
                StopReason.TOOL_USE,
                new TextBlock("Checking."),
                FakeConverseUseCase.toolUse("tooluse_1", "weather", "city", "Paris")));

    JsonNode output =
        TestServer.json(
                respond(
                        "{\"input\":\"Weather?\",\"tools\":[{\"type\":\"function\",\"name\":\"weather\"}]}")
                    .body())
            .path("output");

    assertThat(output).hasSize(2);
    JsonNode call = output.get(1);
    assertThat(call.path("type").asText()).isEqualTo("function_call");
    assertThat(call.path("call_id").asText()).isEqualTo("tooluse_1");
    assertThat(call.path("name").asText()).isEqualTo("weather");
    assertThat(TestServer.json(call.path("arguments").asText()).path("city").asText())
        .isEqualTo("Paris");
  }

  @Test
  void aJsonSchemaTextFormatIsAnsweredAsOutputText() {
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

    JsonNode body =
        TestServer.json(
            respond(
                    """
                    {"input":"Capital of France?","text":{"format":{"type":"json_schema",
                     "name":"city","schema":{"type":"object"}}}}
                    """)
                .body());

    assertThat(body.path("status").asText()).isEqualTo("completed");
    assertThat(body.path("output")).hasSize(1);
    String text = body.path("output").get(0).path("content").get(0).path("text").asText();
    assertThat(TestServer.json(text).path("name").asText()).isEqualTo("Paris");
  }

  @Test
  void aStreamSendsTheResponsesEventSequence() {
    server.converse.streams(
        observer -> {
          observer.admitted(Optional.empty());
          List.of(
                  new ChatStreamEvent.MessageStart(Role.ASSISTANT),
                  new ChatStreamEvent.TextDelta(0, "Hel"),
                  new ChatStreamEvent.TextDelta(0, "lo"),
                  new ChatStreamEvent.ContentBlockStop(0),
                  new ChatStreamEvent.ToolUseStart(1, "tooluse_1", "weather"),
                  new ChatStreamEvent.ToolUseDelta(1, "{\"city\":"),
                  new ChatStreamEvent.ToolUseDelta(1, "\"Paris\"}"),
                  new ChatStreamEvent.ContentBlockStop(1),
                  new ChatStreamEvent.MessageStop(StopReason.TOOL_USE))
              .forEach(observer::accept);
        });

    List<Event> events =
        events(
            respond(
                    "{\"stream\":true,\"input\":\"Hi\",\"tools\":[{\"type\":\"function\",\"name\":\"weather\"}]}")
                .body());

    assertThat(events)
        .extracting(Event::name)
        .containsExactly(
            "response.created",
            "response.in_progress",
            "response.output_item.added",
            "response.content_part.added",
            "response.output_text.delta",
            "response.output_text.delta",
            "response.output_text.done",
            "response.content_part.done",
            "response.output_item.done",
            "response.output_item.added",
            "response.function_call_arguments.delta",
            "response.function_call_arguments.delta",
            "response.function_call_arguments.done",
            "response.output_item.done",
            "response.completed");
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).data().path("type").asText()).isEqualTo(events.get(i).name());
      assertThat(events.get(i).data().path("sequence_number").asInt()).isEqualTo(i);
    }
    assertThat(events.get(6).data().path("text").asText()).isEqualTo("Hello");
    assertThat(events.get(12).data().path("arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
    JsonNode completed = events.getLast().data().path("response");
    assertThat(completed.path("status").asText()).isEqualTo("completed");
    assertThat(completed.path("output")).hasSize(2);
    assertThat(completed.path("output").get(1).path("call_id").asText()).isEqualTo("tooluse_1");
    assertThat(completed.path("usage").path("output_tokens").asLong()).isEqualTo(40);
  }

  @Test
  void aStreamThatFailsAfterItBeganEndsWithAnErrorEvent() {
    server.converse.streams(
        observer -> {
          observer.accept(new ChatStreamEvent.MessageStart(Role.ASSISTANT));
          observer.accept(new ChatStreamEvent.TextDelta(0, "Hel"));
          throw new UpstreamFailed("the model stream broke");
        });

    List<Event> events = events(respond("{\"stream\":true,\"input\":\"Hi\"}").body());

    assertThat(events.getLast().name()).isEqualTo("error");
    assertThat(events.getLast().data().path("message").asText()).contains("the model stream broke");
    assertThat(events).extracting(Event::name).doesNotContain("response.completed");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"store\":true | store",
        "\"previous_response_id\":\"resp_1\" | previous_response_id",
        "\"conversation\":\"conv_1\" | conversation",
        "\"background\":true | background",
        "\"tools\":[{\"type\":\"web_search\"}] | tools[0].type",
        "\"reasoning\":{\"effort\":\"high\"} | reasoning.effort",
        "\"text\":{\"format\":{\"type\":\"yaml\"}} | text.format.type",
      })
  void stateAndWhatBedrockCannotDoAreA400NamingTheParam(String field, String param) {
    HttpResponse<String> response =
        respond("{\"model\":\"gpt-4o\",\"input\":\"Hi\"," + field + "}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = TestServer.json(response.body()).path("error");
    assertThat(error.path("param").asText()).isEqualTo(param);
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
  }

  @Test
  void storedStateIsRefusedSayingTheGatewayKeepsNone() {
    HttpResponse<String> response =
        respond("{\"input\":\"Hi\",\"previous_response_id\":\"resp_123\"}");

    assertThat(TestServer.json(response.body()).path("error").path("message").asText())
        .contains("keeps no conversation state");
    assertThat(server.converse.called()).isFalse();
  }

  private static List<Event> events(String body) {
    List<Event> events = new ArrayList<>();
    String name = null;
    for (String line : body.lines().toList()) {
      if (line.startsWith("event: ")) {
        name = line.substring("event: ".length());
      } else if (line.startsWith("data: ")) {
        events.add(new Event(name, TestServer.json(line.substring("data: ".length()))));
        name = null;
      }
    }
    return events;
  }
}
