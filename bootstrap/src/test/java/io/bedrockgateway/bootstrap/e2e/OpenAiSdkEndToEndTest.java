package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import com.openai.models.models.Model;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStreamEvent;
import io.bedrockgateway.bootstrap.Gateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenAI Java SDK, unchanged but for its base URL and key, against a whole gateway on
 * the emulator: every route of the OpenAI-compatible API, and the SDK's typed exceptions.
 */
class OpenAiSdkEndToEndTest {
  private static final String KEY = "openai-sdk-key-0123456789";
  private static final FunctionDefinition WEATHER =
      FunctionDefinition.builder()
          .name("get_weather")
          .description("The forecast for a city")
          .parameters(
              FunctionParameters.builder()
                  .putAdditionalProperty("type", JsonValue.from("object"))
                  .putAdditionalProperty(
                      "properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                  .build())
          .build();

  @TempDir static Path config;
  private static Gateway gateway;
  private static OpenAIClient openAi;

  @BeforeAll
  static void start() {
    gateway =
        TestGateways.start(
            Map.of("API_KEYS", KEY, "GATEWAY_CONFIG", OpenAiGateway.catalogue(config)));
    openAi = client(gateway, KEY);
  }

  @AfterAll
  static void stop() {
    openAi.close();
    gateway.close();
  }

  static OpenAIClient client(Gateway gateway, String key) {
    return OpenAIOkHttpClient.builder()
        .baseUrl("http://127.0.0.1:" + gateway.port() + "/v1")
        .apiKey(key)
        .maxRetries(0)
        .build();
  }

  private static ChatCompletionCreateParams.Builder chat(String prompt) {
    return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage(prompt);
  }

  @Test
  void aChatIsAnsweredThroughTheCatalogueAlias() {
    ChatCompletion completion = openAi.chat().completions().create(chat("Hello").build());

    assertThat(completion.choices()).hasSize(1);
    assertThat(completion.choices().getFirst().message().content())
        .hasValueSatisfying(text -> assertThat(text).isNotBlank());
    assertThat(completion.choices().getFirst().finishReason())
        .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(completion.model()).isEqualTo("gpt-4o");
    CompletionUsage usage = completion.usage().orElseThrow();
    assertThat(usage.promptTokens()).isPositive();
    assertThat(usage.completionTokens()).isPositive();
    assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
  }

  @Test
  void aStreamWithIncludeUsageEndsWithTheUsage() {
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream =
        openAi
            .chat()
            .completions()
            .createStreaming(
                chat("Hello [emulator:tokens=12]")
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                    .build())) {
      stream.stream().forEach(chunk -> chunks.add(accumulator.accumulate(chunk)));
    }

    ChatCompletion whole = accumulator.chatCompletion();
    assertThat(whole.choices().getFirst().message().content().orElseThrow()).isNotBlank();
    assertThat(chunks.getLast().choices()).isEmpty();
    CompletionUsage usage = chunks.getLast().usage().orElseThrow();
    assertThat(usage.completionTokens()).isEqualTo(12);
    assertThat(usage.promptTokens()).isPositive();
  }

  @Test
  void aToolCallRoundTripEndsInAnAnswer() {
    ChatCompletionCreateParams ask =
        chat("Weather in Paris? [emulator:tool-use]")
            .addTool(ChatCompletionFunctionTool.builder().function(WEATHER).build())
            .build();
    ChatCompletion call = openAi.chat().completions().create(ask);

    ChatCompletion.Choice choice = call.choices().getFirst();
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
    ChatCompletionMessageFunctionToolCall toolCall =
        choice.message().toolCalls().orElseThrow().getFirst().asFunction();
    assertThat(toolCall.function().name()).isEqualTo("get_weather");

    ChatCompletion answer =
        openAi.chat().completions().create(answerTo(ask, choice.message(), toolCall.id()));

    assertThat(answer.choices().getFirst().finishReason())
        .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(answer.choices().getFirst().message().content().orElseThrow()).isNotBlank();
  }

  @Test
  void aStreamedToolCallRoundTripEndsInAnAnswer() {
    ChatCompletionCreateParams ask =
        chat("Weather in Paris? [emulator:tool-use]")
            .addTool(ChatCompletionFunctionTool.builder().function(WEATHER).build())
            .build();
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> stream =
        openAi.chat().completions().createStreaming(ask)) {
      stream.stream().forEach(accumulator::accumulate);
    }
    ChatCompletion call = accumulator.chatCompletion();
    ChatCompletionMessage message = call.choices().getFirst().message();
    ChatCompletionMessageFunctionToolCall toolCall =
        message.toolCalls().orElseThrow().getFirst().asFunction();
    assertThat(toolCall.function().name()).isEqualTo("get_weather");
    assertThat(toolCall.id()).isNotBlank();
    assertThat(call.choices().getFirst().finishReason())
        .isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);

    ChatCompletionAccumulator answer = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> stream =
        openAi.chat().completions().createStreaming(answerTo(ask, message, toolCall.id()))) {
      stream.stream().forEach(answer::accumulate);
    }
    assertThat(answer.chatCompletion().choices().getFirst().message().content().orElseThrow())
        .isNotBlank();
  }

  private static ChatCompletionCreateParams answerTo(
      ChatCompletionCreateParams ask, ChatCompletionMessage call, String callId) {
    return ask.toBuilder()
        .addMessage(call)
        .addMessage(
            ChatCompletionToolMessageParam.builder()
                .toolCallId(callId)
                .content("Sunny, 21 C")
                .build())
        .build();
  }

  /** A question about the image at {@code url}: a text part, then an {@code image_url} part. */
  static ChatCompletionCreateParams withImage(String url) {
    return ChatCompletionCreateParams.builder()
        .model("gpt-4o")
        .addUserMessageOfArrayOfContentParts(
            List.of(
                ChatCompletionContentPart.ofText(
                    ChatCompletionContentPartText.builder()
                        .text("What is in this picture?")
                        .build()),
                ChatCompletionContentPart.ofImageUrl(
                    ChatCompletionContentPartImage.builder()
                        .imageUrl(
                            ChatCompletionContentPartImage.ImageUrl.builder().url(url).build())
                        .build())))
        .build();
  }

  @Test
  void anImageGoesInAsADataUrl() {
    String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2});
    ChatCompletion completion =
        openAi.chat().completions().create(withImage("data:image/png;base64," + png));

    assertThat(completion.choices().getFirst().message().content().orElseThrow()).isNotBlank();
  }

  @Test
  void textsAreEmbeddedOneAtATimeInBatchesAndAsBase64() {
    CreateEmbeddingResponse one =
        openAi
            .embeddings()
            .create(
                EmbeddingCreateParams.builder()
                    .model("text-embedding-3-small")
                    .input("a quiet harbour")
                    .dimensions(256)
                    .build());
    assertThat(one.data()).hasSize(1);
    assertThat(one.data().getFirst().embedding()).hasSize(256);
    assertThat(one.usage().promptTokens()).isPositive();

    CreateEmbeddingResponse batch =
        openAi
            .embeddings()
            .create(
                EmbeddingCreateParams.builder()
                    .model("text-embedding-3-small")
                    .inputOfArrayOfStrings(List.of("a", "b", "c"))
                    .build());
    assertThat(batch.data()).extracting(item -> item.index()).containsExactly(0L, 1L, 2L);

    CreateEmbeddingResponse encoded =
        openAi
            .embeddings()
            .create(
                EmbeddingCreateParams.builder()
                    .model("text-embedding-3-small")
                    .input("a quiet harbour")
                    .dimensions(256)
                    .encodingFormat(EmbeddingCreateParams.EncodingFormat.BASE64)
                    .build());
    // the SDK decodes base64 itself; the vector is the same as the float one
    assertThat(encoded.data().getFirst().embedding()).isEqualTo(one.data().getFirst().embedding());
  }

  @Test
  void anImageIsGeneratedAsBase64() {
    ImagesResponse images =
        openAi
            .images()
            .generate(
                ImageGenerateParams.builder()
                    .model("dall-e-3")
                    .prompt("a lighthouse at dusk")
                    .n(2)
                    .size(ImageGenerateParams.Size._1024X1024)
                    .responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON)
                    .build());

    assertThat(images.data().orElseThrow()).hasSize(2);
    assertThat(
            Base64.getDecoder()
                .decode(images.data().orElseThrow().getFirst().b64Json().orElseThrow()))
        .isNotEmpty();
  }

  @Test
  void theModelListHoldsTheAliasesAndTheBedrockIds() {
    List<String> ids = new ArrayList<>();
    openAi.models().list().autoPager().forEach(model -> ids.add(model.id()));

    assertThat(ids)
        .contains(
            "gpt-4o", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "text-embedding-3-small");
    Model one = openAi.models().retrieve("gpt-4o");
    assertThat(one.ownedBy()).isEqualTo("anthropic");
  }

  @Test
  void theResponsesApiAnswersText() {
    Response response =
        openAi
            .responses()
            .create(
                ResponseCreateParams.builder()
                    .model("gpt-4o")
                    .instructions("Be brief.")
                    .input("Hello")
                    .build());

    ResponseOutputItem item = response.output().getFirst();
    assertThat(item.isMessage()).isTrue();
    assertThat(item.asMessage().content().getFirst().asOutputText().text()).isNotBlank();
    assertThat(response.usage().orElseThrow().outputTokens()).isPositive();
  }

  @Test
  void theResponsesApiCallsAFunctionAndTakesItsOutput() {
    FunctionTool weather =
        FunctionTool.builder()
            .name("get_weather")
            .parameters(
                FunctionTool.Parameters.builder()
                    .putAdditionalProperty("type", JsonValue.from("object"))
                    .putAdditionalProperty(
                        "properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                    .build())
            .strict(false)
            .build();
    ResponseInputItem question =
        ResponseInputItem.ofEasyInputMessage(
            com.openai.models.responses.EasyInputMessage.builder()
                .role(com.openai.models.responses.EasyInputMessage.Role.USER)
                .content("Weather in Paris? [emulator:tool-use]")
                .build());
    Response call =
        openAi
            .responses()
            .create(
                ResponseCreateParams.builder()
                    .model("gpt-4o")
                    .inputOfResponse(List.of(question))
                    .addTool(weather)
                    .build());
    ResponseFunctionToolCall toolCall =
        call.output().stream()
            .filter(ResponseOutputItem::isFunctionCall)
            .map(ResponseOutputItem::asFunctionCall)
            .findFirst()
            .orElseThrow();
    assertThat(toolCall.name()).isEqualTo("get_weather");

    Response answer =
        openAi
            .responses()
            .create(
                ResponseCreateParams.builder()
                    .model("gpt-4o")
                    .inputOfResponse(
                        List.of(
                            question,
                            ResponseInputItem.ofFunctionCall(toolCall),
                            ResponseInputItem.ofFunctionCallOutput(
                                ResponseInputItem.FunctionCallOutput.builder()
                                    .callId(toolCall.callId())
                                    .output("Sunny, 21 C")
                                    .build())))
                    .addTool(weather)
                    .build());
    assertThat(answer.output().getFirst().isMessage()).isTrue();
  }

  @Test
  void theResponsesApiStreamsItsEvents() {
    StringBuilder text = new StringBuilder();
    List<ResponseStreamEvent> events = new ArrayList<>();
    try (StreamResponse<ResponseStreamEvent> stream =
        openAi
            .responses()
            .createStreaming(
                ResponseCreateParams.builder()
                    .model("gpt-4o")
                    .input("Hello [emulator:tokens=8]")
                    .build())) {
      stream.stream().forEach(events::add);
    }
    events.stream()
        .filter(ResponseStreamEvent::isOutputTextDelta)
        .forEach(event -> text.append(event.asOutputTextDelta().delta()));

    assertThat(events.getFirst().isCreated()).isTrue();
    assertThat(events.getLast().isCompleted()).isTrue();
    Response completed = events.getLast().asCompleted().response();
    assertThat(completed.output().getFirst().asMessage().content().getFirst().asOutputText().text())
        .isEqualTo(text.toString());
    assertThat(completed.usage().orElseThrow().outputTokens()).isEqualTo(8);
  }

  @Test
  void storedStateIsABadRequestNamingTheParam() {
    BadRequestException refused =
        catchThrowableOfType(
            BadRequestException.class,
            () ->
                openAi
                    .responses()
                    .create(
                        ResponseCreateParams.builder()
                            .model("gpt-4o")
                            .input("Hello")
                            .previousResponseId("resp_123")
                            .build()));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.param()).contains("previous_response_id");
  }

  @Test
  void anUnknownKeyIsAnUnauthorizedException() {
    OpenAIClient stranger = client(gateway, "not-a-key-0123456789");
    try {
      UnauthorizedException refused =
          catchThrowableOfType(
              UnauthorizedException.class,
              () -> stranger.chat().completions().create(chat("Hello").build()));
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.code()).contains("invalid_api_key");
    } finally {
      stranger.close();
    }
  }

  @Test
  void anUnknownModelIsANotFoundException() {
    NotFoundException missing =
        catchThrowableOfType(NotFoundException.class, () -> openAi.models().retrieve("gpt-5"));

    assertThat(missing.code()).contains("model_not_found");
  }

  @Test
  void anUnsupportedFieldIsABadRequestNamingIt() {
    BadRequestException refused =
        catchThrowableOfType(
            BadRequestException.class,
            () -> openAi.chat().completions().create(chat("Hello").n(2).build()));

    assertThat(refused.param()).contains("n");
    assertThat(refused.type()).contains("invalid_request_error");
  }

  @Test
  void aKeyPastItsLimitGetsARateLimitExceptionWithTheRetryTime() {
    String limited = "openai-limited-key-0123456789";
    try (Gateway strict =
        TestGateways.start(
            Map.of(
                "API_KEYS",
                limited,
                "RATE_LIMIT_REQUESTS",
                "1",
                "GATEWAY_CONFIG",
                OpenAiGateway.catalogue(config)))) {
      OpenAIClient client = client(strict, limited);
      try {
        client.chat().completions().create(chat("Hello").build());

        RateLimitException refused =
            catchThrowableOfType(
                RateLimitException.class,
                () -> client.chat().completions().create(chat("Hello").build()));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.code()).contains("rate_limit_exceeded");
        assertThat(refused.headers().values("Retry-After"))
            .singleElement()
            .satisfies(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
      } finally {
        client.close();
      }
    }
  }

  @Test
  void aRemoteImageUrlIsABadRequest() {
    assertThatThrownBy(
            () -> openAi.chat().completions().create(withImage("https://example.com/cat.png")))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            refused -> {
              assertThat(refused.param()).contains("messages[0].content[1].image_url.url");
              // no host is allowed here: the operator's setting is named
              assertThat(refused.getMessage()).contains("REMOTE_MEDIA_HOSTS");
            });
  }
}
