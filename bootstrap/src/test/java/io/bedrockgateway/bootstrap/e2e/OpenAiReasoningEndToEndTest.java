package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.Reasoning;
import com.openai.models.ReasoningEffort;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.responses.EasyInputMessage;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseReasoningItem;
import com.openai.models.responses.ResponseStreamEvent;
import io.bedrockgateway.bootstrap.Gateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenAI Java SDK reading Claude's reasoning through the gateway on the emulator: the
 * Responses API's typed {@code reasoning} items and summary events, and Chat Completions' {@code
 * reasoning_content} and {@code thinking_blocks} extension; sent back with a tool's result, the
 * signed reasoning lets the conversation go on, as the model (the emulator) accepts it only then.
 */
class OpenAiReasoningEndToEndTest {
  private static final String KEY = "openai-reasoning-key-0123456789";
  private static final String QUESTION =
      "Weather in Paris? [emulator:tool-use] [emulator:tokens=3]";
  private static final Map<String, Object> OBJECT =
      Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")));
  private static final FunctionTool WEATHER =
      FunctionTool.builder()
          .name("get_weather")
          .parameters(
              FunctionTool.Parameters.builder()
                  .putAllAdditionalProperties(
                      Map.of(
                          "type",
                          JsonValue.from("object"),
                          "properties",
                          JsonValue.from(OBJECT.get("properties"))))
                  .build())
          .strict(false)
          .build();
  private static final ResponseInputItem ASK =
      ResponseInputItem.ofEasyInputMessage(
          EasyInputMessage.builder().role(EasyInputMessage.Role.USER).content(QUESTION).build());

  private static final TypeReference<List<Map<String, Object>>> BLOCKS = new TypeReference<>() {};

  @TempDir static Path config;
  private static Gateway gateway;
  private static OpenAIClient openAi;

  @BeforeAll
  static void start() {
    gateway =
        TestGateways.start(
            Map.of("API_KEYS", KEY, "GATEWAY_CONFIG", OpenAiGateway.catalogue(config)));
    openAi = OpenAiSdkEndToEndTest.client(gateway, KEY);
  }

  @AfterAll
  static void stop() {
    openAi.close();
    gateway.close();
  }

  private static ResponseCreateParams responses(List<ResponseInputItem> input) {
    return ResponseCreateParams.builder()
        .model("gpt-4o")
        .inputOfResponse(input)
        .addTool(WEATHER)
        .reasoning(Reasoning.builder().effort(ReasoningEffort.LOW).build())
        .build();
  }

  @Test
  void theSdkReadsReasoningItemsAndTheirSignedReasoningGoesBackWithTheToolsOutput() {
    Response call = openAi.responses().create(responses(List.of(ASK)));

    ResponseReasoningItem reasoning = call.output().getFirst().asReasoning();
    assertThat(reasoning.summary().getFirst().text()).isNotBlank();
    assertThat(reasoning.encryptedContent())
        .hasValueSatisfying(value -> assertThat(value).isNotBlank());
    ResponseFunctionToolCall toolCall =
        call.output().stream()
            .filter(ResponseOutputItem::isFunctionCall)
            .map(ResponseOutputItem::asFunctionCall)
            .findFirst()
            .orElseThrow();

    Response answer =
        openAi
            .responses()
            .create(
                responses(
                    List.of(
                        ASK,
                        ResponseInputItem.ofReasoning(reasoning),
                        ResponseInputItem.ofFunctionCall(toolCall),
                        ResponseInputItem.ofFunctionCallOutput(
                            ResponseInputItem.FunctionCallOutput.builder()
                                .callId(toolCall.callId())
                                .output("Sunny, 21 C")
                                .build()))));

    assertThat(answer.output().getFirst().isReasoning()).isTrue();
    assertThat(answer.output().stream().anyMatch(ResponseOutputItem::isMessage)).isTrue();
  }

  @Test
  void theSdkReadsTheReasoningSummaryEventsOfAStream() {
    List<ResponseStreamEvent> events = new ArrayList<>();
    try (StreamResponse<ResponseStreamEvent> stream =
        openAi.responses().createStreaming(responses(List.of(ASK)))) {
      stream.stream().forEach(events::add);
    }

    StringBuilder summary = new StringBuilder();
    events.stream()
        .filter(ResponseStreamEvent::isReasoningSummaryTextDelta)
        .forEach(event -> summary.append(event.asReasoningSummaryTextDelta().delta()));
    assertThat(summary.toString()).isNotBlank();
    assertThat(events.stream().filter(ResponseStreamEvent::isReasoningSummaryTextDone))
        .singleElement()
        .satisfies(
            done ->
                assertThat(done.asReasoningSummaryTextDone().text()).isEqualTo(summary.toString()));
    ResponseReasoningItem reasoning =
        events.getLast().asCompleted().response().output().getFirst().asReasoning();
    assertThat(reasoning.summary().getFirst().text()).isEqualTo(summary.toString());
    assertThat(reasoning.encryptedContent()).isPresent();
  }

  @Test
  void chatCompletionsCarryReasoningContentAndThinkingBlocksThatGoBack() {
    FunctionDefinition weather =
        FunctionDefinition.builder()
            .name("get_weather")
            .parameters(
                FunctionParameters.builder()
                    .putAdditionalProperty("type", JsonValue.from("object"))
                    .build())
            .build();
    ChatCompletionCreateParams ask =
        ChatCompletionCreateParams.builder()
            .model("gpt-4o")
            .addUserMessage(QUESTION)
            .addTool(ChatCompletionFunctionTool.builder().function(weather).build())
            .reasoningEffort(ReasoningEffort.LOW)
            .build();
    ChatCompletion call = openAi.chat().completions().create(ask);

    ChatCompletionMessage message = call.choices().getFirst().message();
    Map<String, JsonValue> extension = message._additionalProperties();
    assertThat(extension.get("reasoning_content").convert(String.class)).isNotBlank();
    List<Map<String, Object>> blocks = extension.get("thinking_blocks").convert(BLOCKS);
    assertThat(blocks).hasSize(1);
    assertThat(blocks.getFirst()).containsEntry("type", "thinking");
    assertThat((String) blocks.getFirst().get("signature")).isNotBlank();

    ChatCompletion answer =
        openAi
            .chat()
            .completions()
            .create(
                ask.toBuilder()
                    .addMessage(
                        message.toParam().toBuilder()
                            .putAdditionalProperty(
                                "thinking_blocks", extension.get("thinking_blocks"))
                            .build())
                    .addMessage(
                        ChatCompletionToolMessageParam.builder()
                            .toolCallId(
                                message.toolCalls().orElseThrow().getFirst().asFunction().id())
                            .content("Sunny, 21 C")
                            .build())
                    .build());

    assertThat(answer.choices().getFirst().finishReason())
        .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
  }

  @Test
  void aStreamedChatCompletionCarriesTheReasoningInItsDeltas() {
    StringBuilder reasoning = new StringBuilder();
    List<Map<String, Object>> blocks = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream =
        openAi
            .chat()
            .completions()
            .createStreaming(
                ChatCompletionCreateParams.builder()
                    .model("gpt-4o")
                    .addUserMessage("Hello")
                    .reasoningEffort(ReasoningEffort.LOW)
                    .build())) {
      stream.stream()
          .flatMap(chunk -> chunk.choices().stream())
          .map(choice -> choice.delta()._additionalProperties())
          .forEach(
              delta -> {
                if (delta.containsKey("reasoning_content")) {
                  reasoning.append(delta.get("reasoning_content").convert(String.class));
                }
                if (delta.containsKey("thinking_blocks")) {
                  blocks.addAll(delta.get("thinking_blocks").convert(BLOCKS));
                }
              });
    }

    assertThat(reasoning.toString()).isNotBlank();
    assertThat(blocks).singleElement();
    assertThat(blocks.getFirst()).containsEntry("thinking", reasoning.toString());
  }
}
