package io.bedrockgateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway path over real HTTP: what it sends, and how it reads answers, streams and errors. */
class GatewayBedrockServiceTest {
  private static final String KEY = "bgw_test_secret_0123456789";
  private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("Hello"));
  private final WireGateway wire = new WireGateway();

  @AfterEach
  void stop() {
    wire.close();
  }

  private GatewayBedrockService service(URI url, Duration timeout) {
    ClientSettings settings =
        new ClientSettings(
            true,
            url,
            KEY,
            100,
            true,
            Duration.ofSeconds(2),
            timeout,
            BreakerSettings.DEFAULTS,
            "us-east-1",
            null,
            DefaultModels.STANDARD);
    return new GatewayBedrockService(GatewayBedrockService.httpClient(settings), settings);
  }

  private GatewayBedrockService service() {
    return service(wire.url(), Duration.ofSeconds(10));
  }

  @Test
  void aChatIsTheNativeApisSnakeCaseBodyWithTheKeyUnderTheApiBase() throws Exception {
    wire.answer(
        exchange ->
            WireGateway.json(
                exchange,
                200,
                """
                {"output":{"message":{"role":"assistant","content":[{"text":"Hi "},{"text":"there"}]}},
                 "stopReason":"end_turn","usage":{"inputTokens":2,"outputTokens":3,"totalTokens":5},
                 "servedModel":"served-model"}"""));

    ChatReply reply =
        service()
            .converse(
                "model-x",
                List.of(
                    ChatMessage.user("Hello"),
                    ChatMessage.assistant("Hi"),
                    new ChatMessage(
                        ChatMessage.Role.USER,
                        List.of(
                            new ChatMessage.Text("What is this?"),
                            new ChatMessage.Image("png", new byte[] {1, 2, 3})))),
                "Be brief.",
                ChatOptions.DEFAULTS
                    .withMaxTokens(200)
                    .withTemperature(0.5)
                    .withStopSequences(List.of("END")));

    assertThat(reply.text()).isEqualTo("Hi there");
    assertThat(reply.model()).isEqualTo("served-model");
    assertThat(reply.usage()).isEqualTo(new Usage(2, 3, 5, 0, 0));
    WireGateway.Received sent = wire.received.getFirst();
    assertThat(sent.path()).isEqualTo("/api/v1/bedrock/converse");
    assertThat(sent.header("X-API-Key")).isEqualTo(KEY);
    JsonNode body = new ObjectMapper().readTree(sent.body());
    assertThat(body.path("model_id").asText()).isEqualTo("model-x");
    assertThat(body.path("system_prompt").asText()).isEqualTo("Be brief.");
    assertThat(body.path("max_tokens").asInt()).isEqualTo(200);
    assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
    assertThat(body.path("stop_sequences").get(0).asText()).isEqualTo("END");
    assertThat(body.has("top_p")).isFalse();
    assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("assistant");
    assertThat(body.path("messages").get(2).path("content").get(1).path("image").toString())
        .isEqualTo("{\"format\":\"png\",\"source\":{\"bytes\":\"AQID\"}}");
  }

  @Test
  void aStreamIsReadLineByLineWhateverPiecesTheNetworkCutsItInto() {
    wire.answer(
        WireGateway.stream(
            "data: {\"messageStart\":{\"role\":\"assistant\"}}\n\nda",
            "ta: {\"contentBlockDelta\":{\"delta\":{\"text\":\"Hel\"},\"contentBlockIndex\":0}}\r\n\r\n",
            ": a comment\n\ndata: {\"contentBlockDelta\":{\"delta\":{\"text\":\"lo\"},\"contentBlock",
            "Index\":0}}\n\ndata: {\"contentBlockStop\":{\"contentBlockIndex\":0}}\n\n"
                + "data: {\"messageStop\":{\"stopReason\":\"end_turn\"}}\n\n"
                + "data: {\"metadata\":{\"usage\":{\"inputTokens\":1,\"outputTokens\":2,"
                + "\"totalTokens\":3},\"metrics\":{\"latencyMs\":9}}}\n\n"));
    List<StreamEvent> events = new ArrayList<>();

    StreamResult result =
        service().converseStream(null, HELLO, null, ChatOptions.DEFAULTS, events::add);

    assertThat(events)
        .containsExactly(
            new StreamEvent.MessageStart("assistant"),
            new StreamEvent.TextDelta(0, "Hel"),
            new StreamEvent.TextDelta(0, "lo"),
            new StreamEvent.ContentBlockStop(0),
            new StreamEvent.MessageStop("end_turn"),
            new StreamEvent.Metadata(new Usage(1, 2, 3, 0, 0), 9));
    assertThat(result.stopReason()).isEqualTo("end_turn");
    assertThat(result.usage().totalTokens()).isEqualTo(3);
    assertThat(wire.received.getFirst().path()).isEqualTo("/api/v1/bedrock/converse-stream");
  }

  @Test
  void toolUseEventsAreRead() {
    wire.answer(
        WireGateway.stream(
            "data: {\"contentBlockStart\":{\"start\":{\"toolUse\":{\"toolUseId\":\"t1\","
                + "\"name\":\"get_weather\"}},\"contentBlockIndex\":1}}\n\n"
                + "data: {\"contentBlockDelta\":{\"delta\":{\"toolUse\":{\"input\":\"{\\\"city\\\"\"}},"
                + "\"contentBlockIndex\":1}}\n\n"
                + "data: {\"messageStop\":{\"stopReason\":\"tool_use\"}}\n\n"));
    List<StreamEvent> events = new ArrayList<>();

    service().converseStream(null, HELLO, null, ChatOptions.DEFAULTS, events::add);

    assertThat(events)
        .containsExactly(
            new StreamEvent.ToolUseStart(1, "t1", "get_weather"),
            new StreamEvent.ToolInputDelta(1, "{\"city\""),
            new StreamEvent.MessageStop("tool_use"));
  }

  @Test
  void anErrorEventAfterTheStreamBeganIsAnInterruptionAfterTheEventsBeforeIt() {
    wire.answer(
        WireGateway.stream(
            "data: {\"messageStart\":{\"role\":\"assistant\"}}\n\n",
            "data: {\"error\":\"Model call failed\",\"type\":\"stream_error\"}\n\n"));
    List<StreamEvent> events = new ArrayList<>();

    assertThatThrownBy(
            () -> service().converseStream(null, HELLO, null, ChatOptions.DEFAULTS, events::add))
        .isInstanceOfSatisfying(
            BedrockClientException.StreamInterrupted.class,
            interrupted -> {
              assertThat(interrupted.type()).isEqualTo("stream_error");
              assertThat(interrupted.connectionLost()).isFalse();
              assertThat(interrupted).hasMessageContaining("Model call failed");
            });
    assertThat(events).containsExactly(new StreamEvent.MessageStart("assistant"));
  }

  @Test
  void aStreamThatEndsBeforeItsMessageStopIsALostConnection() {
    wire.answer(WireGateway.stream("data: {\"messageStart\":{\"role\":\"assistant\"}}\n\n"));

    assertThatThrownBy(
            () -> service().converseStream(null, HELLO, null, ChatOptions.DEFAULTS, event -> {}))
        .isInstanceOfSatisfying(
            BedrockClientException.StreamInterrupted.class,
            interrupted -> assertThat(interrupted.connectionLost()).isTrue());
  }

  @Test
  void aStreamSilentPastTheTimeoutIsALostConnectionNotAHang() {
    wire.answer(
        exchange -> {
          WireGateway.stream("data: {\"messageStart\":{\"role\":\"assistant\"}}\n\n")
              .write(exchange);
          try {
            Thread.sleep(Duration.ofSeconds(5));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });

    assertThatThrownBy(
            () ->
                service(wire.url(), Duration.ofMillis(300))
                    .converseStream(null, HELLO, null, ChatOptions.DEFAULTS, event -> {}))
        .isInstanceOfSatisfying(
            BedrockClientException.StreamInterrupted.class,
            interrupted -> assertThat(interrupted.connectionLost()).isTrue());
  }

  @Test
  void a429IsRateLimitedWithTheRetryTimeAndTheLimitFromTheBody() {
    wire.answer(
        exchange -> {
          exchange.getResponseHeaders().set("Retry-After", "41");
          WireGateway.json(
              exchange,
              429,
              "{\"error\":\"Rate limit exceeded\",\"detail\":\"the requests limit\","
                  + "\"retry_after\":41,\"limit\":\"requests\"}");
        });

    assertThatThrownBy(() -> service().converse(null, HELLO, null, ChatOptions.DEFAULTS))
        .isInstanceOfSatisfying(
            BedrockClientException.RateLimited.class,
            limited -> {
              assertThat(limited.retryAfter()).contains(Duration.ofSeconds(41));
              assertThat(limited.limit()).contains("requests");
              assertThat(limited.path()).isEqualTo(Path.GATEWAY);
            });
  }

  @Test
  void a429WithOnlyTheHeaderStillCarriesTheRetryTime() {
    wire.answer(
        exchange -> {
          exchange.getResponseHeaders().set("Retry-After", "7");
          WireGateway.json(exchange, 429, "{\"error\":\"Model is throttling requests\"}");
        });

    assertThatThrownBy(() -> service().createTextEmbedding("hi"))
        .isInstanceOfSatisfying(
            BedrockClientException.RateLimited.class,
            limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7)));
  }

  @ParameterizedTest
  @CsvSource({"502,BAD_GATEWAY", "503,SERVICE_UNAVAILABLE", "504,GATEWAY_TIMEOUT"})
  void theGatewaysOwnFailuresAreUnavailable(int status, FailureCause cause) {
    wire.answer(exchange -> WireGateway.json(exchange, status, "{\"error\":\"x\"}"));

    assertThatThrownBy(() -> service().generateImage("a lighthouse"))
        .isInstanceOfSatisfying(
            BedrockClientException.Unavailable.class,
            unavailable -> assertThat(unavailable.failureCause()).isEqualTo(cause));
  }

  @ParameterizedTest
  @CsvSource({"400", "401", "403", "404", "413"})
  void anotherClientErrorIsARefusal(int status) {
    wire.answer(
        exchange ->
            WireGateway.json(
                exchange, status, "{\"error\":\"Refused\",\"detail\":\"messages: required\"}"));

    assertThatThrownBy(() -> service().createTextEmbeddings(List.of("a", "b")))
        .isInstanceOfSatisfying(
            BedrockClientException.Refused.class,
            refused -> {
              assertThat(refused.status()).isEqualTo(status);
              assertThat(refused).hasMessageContaining("messages: required");
            });
  }

  @Test
  void a500IsAFailureNotAnOutage() {
    wire.answer(exchange -> WireGateway.json(exchange, 500, "{\"error\":\"Internal\"}"));

    assertThatThrownBy(() -> service().createImageEmbedding(new byte[] {1}))
        .isInstanceOfSatisfying(
            BedrockClientException.Failed.class,
            failed -> assertThat(failed.status()).isEqualTo(500));
  }

  @Test
  void nothingListeningIsConnectionRefused() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }

    assertThatThrownBy(
            () ->
                service(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(5))
                    .converse(null, HELLO, null, ChatOptions.DEFAULTS))
        .isInstanceOfSatisfying(
            BedrockClientException.Unavailable.class,
            unavailable ->
                assertThat(unavailable.failureCause()).isEqualTo(FailureCause.CONNECTION_REFUSED));
  }

  @Test
  void noAnswerWithinTheTimeoutIsATimeout() {
    wire.answer(
        exchange -> {
          try {
            Thread.sleep(Duration.ofSeconds(5));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });

    assertThatThrownBy(
            () ->
                service(wire.url(), Duration.ofMillis(200))
                    .converse(null, HELLO, null, ChatOptions.DEFAULTS))
        .isInstanceOfSatisfying(
            BedrockClientException.Unavailable.class,
            unavailable -> assertThat(unavailable.failureCause()).isEqualTo(FailureCause.TIMEOUT));
  }

  @Test
  void embeddingsAndImagesAreReadFromTheirAnswers() throws Exception {
    wire.answer(
        exchange ->
            WireGateway.json(
                exchange,
                200,
                switch (exchange.getRequestURI().getPath()) {
                  case "/api/v1/bedrock/embeddings/text/batch" ->
                      "{\"embeddings\":[[0.5],[0.25]],\"model_id\":\"m\",\"count\":2}";
                  case "/api/v1/bedrock/images/generate" ->
                      "{\"image\":\"iVBO\",\"images\":[\"iVBO\",\"iVBP\"],\"model_id\":\"m\"}";
                  default -> "{\"embedding\":[0.5,-1.0],\"model_id\":\"m\"}";
                }));
    GatewayBedrockService service = service();

    assertThat(service.createTextEmbedding("hi").vector()).containsExactly(0.5f, -1.0f);
    assertThat(service.createTextEmbeddings(List.of("a", "b")).vectors())
        .containsExactly(List.of(0.5f), List.of(0.25f));
    assertThat(
            service
                .createImageEmbedding(new byte[] {9}, "a cat", new EmbeddingOptions(null, 384))
                .vector())
        .hasSize(2);
    assertThat(
            service.generateImage("p", ImageOptions.DEFAULTS.withNumberOfImages(2)).imagesBase64())
        .containsExactly("iVBO", "iVBP");
    JsonNode imageEmbedding = new ObjectMapper().readTree(wire.received.get(2).body());
    assertThat(imageEmbedding.path("image_base64").asText()).isEqualTo("CQ==");
    assertThat(imageEmbedding.path("text").asText()).isEqualTo("a cat");
    assertThat(imageEmbedding.path("dimensions").asInt()).isEqualTo(384);
    assertThat(imageEmbedding.path("model_id").asText()).isEqualTo("amazon.titan-embed-image-v1");
    JsonNode image = new ObjectMapper().readTree(wire.received.get(3).body());
    assertThat(image.path("number_of_images").asInt()).isEqualTo(2);
    assertThat(image.path("width").asInt()).isEqualTo(1024);
  }
}
