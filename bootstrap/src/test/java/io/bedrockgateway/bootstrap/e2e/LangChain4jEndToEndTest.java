package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import io.bedrockgateway.bootstrap.Gateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LangChain4j's OpenAI models, configured as its documentation says, against a whole gateway. */
class LangChain4jEndToEndTest {
  private static final String KEY = "langchain4j-key-0123456789";
  private static final ToolSpecification WEATHER =
      ToolSpecification.builder()
          .name("get_weather")
          .description("The forecast for a city")
          .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build())
          .build();

  @TempDir static Path config;
  private static Gateway gateway;
  private static String baseUrl;

  @BeforeAll
  static void start() {
    gateway =
        TestGateways.start(
            Map.of("API_KEYS", KEY, "GATEWAY_CONFIG", OpenAiGateway.catalogue(config)));
    baseUrl = "http://127.0.0.1:" + gateway.port() + "/v1";
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static OpenAiChatModel chatModel() {
    return OpenAiChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey(KEY)
        .modelName("gpt-4o")
        .maxRetries(0)
        .build();
  }

  @Test
  void aChatIsAnswered() {
    ChatResponse response =
        chatModel().chat(ChatRequest.builder().messages(UserMessage.from("Hello")).build());

    assertThat(response.aiMessage().text()).isNotBlank();
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.tokenUsage().outputTokenCount()).isPositive();
  }

  @Test
  void aToolCallRoundTripEndsInAnAnswer() {
    OpenAiChatModel model = chatModel();
    List<ChatMessage> conversation = new ArrayList<>();
    conversation.add(UserMessage.from("Weather in Paris? [emulator:tool-use]"));

    ChatResponse call =
        model.chat(
            ChatRequest.builder().messages(conversation).toolSpecifications(WEATHER).build());

    assertThat(call.aiMessage().hasToolExecutionRequests()).isTrue();
    ToolExecutionRequest request = call.aiMessage().toolExecutionRequests().getFirst();
    assertThat(request.name()).isEqualTo("get_weather");
    conversation.add(call.aiMessage());
    conversation.add(ToolExecutionResultMessage.from(request, "Sunny, 21 C"));

    ChatResponse answer =
        model.chat(
            ChatRequest.builder().messages(conversation).toolSpecifications(WEATHER).build());

    assertThat(answer.aiMessage().text()).isNotBlank();
    assertThat(answer.aiMessage().hasToolExecutionRequests()).isFalse();
  }

  @Test
  void aStreamDeliversItsPiecesAndTheUsage() throws Exception {
    OpenAiStreamingChatModel model =
        OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey(KEY).modelName("gpt-4o").build();
    StringBuilder pieces = new StringBuilder();

    CompletableFuture<ChatResponse> done =
        streamed(
            model,
            ChatRequest.builder().messages(UserMessage.from("Hello [emulator:tokens=10]")).build(),
            pieces);

    ChatResponse response = done.get(60, TimeUnit.SECONDS);
    assertThat(response.aiMessage().text()).isEqualTo(pieces.toString()).isNotBlank();
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(10);
  }

  @Test
  void aStreamedToolCallArrivesWhole() throws Exception {
    OpenAiStreamingChatModel model =
        OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey(KEY).modelName("gpt-4o").build();
    CompletableFuture<ChatResponse> done =
        streamed(
            model,
            ChatRequest.builder()
                .messages(UserMessage.from("Weather in Paris? [emulator:tool-use]"))
                .toolSpecifications(WEATHER)
                .build(),
            new StringBuilder());

    AiMessage message = done.get(60, TimeUnit.SECONDS).aiMessage();
    assertThat(message.toolExecutionRequests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.name()).isEqualTo("get_weather");
              assertThat(request.arguments()).startsWith("{");
            });
  }

  /** The answer to {@code request}, once the stream completed; its pieces in {@code pieces}. */
  private static CompletableFuture<ChatResponse> streamed(
      OpenAiStreamingChatModel model, ChatRequest request, StringBuilder pieces) {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    model.chat(
        request,
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(String partial) {
            pieces.append(partial);
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }
        });
    return done;
  }

  @Test
  void textsAreEmbedded() {
    OpenAiEmbeddingModel model =
        OpenAiEmbeddingModel.builder()
            .baseUrl(baseUrl)
            .apiKey(KEY)
            .modelName("text-embedding-3-small")
            .dimensions(256)
            .maxRetries(0)
            .build();

    List<Embedding> embeddings =
        model
            .embedAll(List.of(TextSegment.from("a quiet harbour"), TextSegment.from("a loud port")))
            .content();

    assertThat(embeddings)
        .hasSize(2)
        .allSatisfy(embedding -> assertThat(embedding.dimension()).isEqualTo(256));
  }
}
