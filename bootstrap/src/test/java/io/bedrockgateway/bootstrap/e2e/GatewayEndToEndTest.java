package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.bootstrap.config.ConfigLoader;
import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatedAnswer;
import io.bedrockgateway.emulator.EmulatorSettings;
import io.bedrockgateway.emulator.RecordedRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole gateway, wired as {@code main} wires it, against the emulator through the real SDK. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayEndToEndTest {
  private static final String LIMITED_KEY = "limited-key-k1-0123456789";
  private static final String OTHER_KEY = "other-key-k2-0123456789";
  private static final String UNLIMITED_KEY = "unlimited-key-k3-0123456789";

  private BedrockEmulator emulator;
  private Gateway limited;
  private Gateway unlimited;
  private SseClient limitedClient;
  private SseClient client;

  @BeforeAll
  void start() {
    emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
    limited =
        Gateway.start(
            config(
                Map.of(
                    "API_KEYS", LIMITED_KEY + "," + OTHER_KEY,
                    "RATE_LIMIT_REQUESTS", "3",
                    "MAX_REQUEST_BYTES", "4096")));
    unlimited =
        Gateway.start(
            config(
                Map.of(
                    "API_KEYS",
                    UNLIMITED_KEY,
                    "RATE_LIMIT_REQUESTS",
                    "0",
                    "MAX_CONCURRENT_STREAMS",
                    "0")));
    limitedClient = new SseClient(limited.port());
    client = new SseClient(unlimited.port());
  }

  @AfterAll
  void stop() {
    limited.close();
    unlimited.close();
    emulator.close();
  }

  @BeforeEach
  void forgetEarlierRequests() {
    emulator.clearRecordedRequests();
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/bedrock/converse-stream, X-API-Key, unlimited-key-k3-0123456789",
    "/api/v1/converse-stream, X-API-Key, unlimited-key-k3-0123456789",
    "/api/v1/bedrock/converse-stream, Authorization, Bearer unlimited-key-k3-0123456789",
    "/api/v1/converse-stream, Authorization, Bearer unlimited-key-k3-0123456789"
  })
  void streamsAnAnswerOnBothPrefixesWithBothKeyHeaders(String path, String header, String value) {
    HttpResponse<String> response =
        client.post(path, SseClient.chat("Hello"), Map.of(header, value));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(response.body()).doesNotContain("event:").doesNotContain("id:");
    List<JsonNode> events = SseClient.events(response.body());
    assertThat(events.getFirst().has("messageStart")).isTrue();
    assertThat(SseClient.text(events)).isEqualTo(EmulatedAnswer.text("Hello"));
    JsonNode stop = events.get(events.size() - 2);
    assertThat(stop.path("messageStop").path("stopReason").asText()).isEqualTo("end_turn");
    JsonNode usage = events.getLast().path("metadata").path("usage");
    assertThat(usage.path("outputTokens").asInt()).isEqualTo(EmulatedAnswer.DEFAULT_TOKENS);
    assertThat(usage.path("totalTokens").asInt())
        .isEqualTo(usage.path("inputTokens").asInt() + usage.path("outputTokens").asInt());
  }

  @Test
  void answersAPlainConverseWithBedrocksJson() {
    HttpResponse<String> response =
        client.post(
            "/api/v1/bedrock/converse",
            SseClient.chat("Hello"),
            Map.of("X-API-Key", UNLIMITED_KEY));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = SseClient.parse(response.body());
    assertThat(body.path("output").path("message").path("content").get(0).path("text").asText())
        .isEqualTo(EmulatedAnswer.text("Hello"));
    assertThat(body.path("stopReason").asText()).isEqualTo("end_turn");
    assertThat(body.path("usage").path("outputTokens").asInt())
        .isEqualTo(EmulatedAnswer.DEFAULT_TOKENS);
    assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
  }

  @Test
  void sendsBedrockTheShapeItAccepts() {
    String body =
        """
        {"messages":[{"role":"system","content":"answer in French"},
                     {"role":"user","content":"Hello"}],
         "system_prompt":"be brief", "tool_config": null, "max_tokens": 50, "temperature": 0.2}
        """;

    HttpResponse<String> response =
        client.post("/api/v1/converse", body, Map.of("X-API-Key", UNLIMITED_KEY));

    assertThat(response.statusCode()).isEqualTo(200);
    RecordedRequest sent = emulator.recordedRequests().getFirst();
    JsonNode json = SseClient.parse(sent.body());
    assertThat(json.has("toolConfig")).isFalse();
    assertThat(json.path("system").findValuesAsText("text"))
        .containsExactly("be brief", "answer in French");
    assertThat(json.path("messages")).hasSize(1);
    assertThat(json.path("messages").get(0).path("content").get(0).path("text").asText())
        .isEqualTo("Hello");
    assertThat(json.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(50);
    assertThat(sent.modelId()).isEqualTo(ConfigLoader.DEFAULT_CHAT_MODEL);
  }

  @Test
  void limitsEachKeyOnItsOwnAndNeverCallsBedrockForRejectedRequests() {
    for (int i = 0; i < 3; i++) {
      assertThat(converse(limitedClient, LIMITED_KEY).statusCode()).isEqualTo(200);
    }
    emulator.clearRecordedRequests();

    HttpResponse<String> fourth = converse(limitedClient, LIMITED_KEY);

    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
    assertThat(fourth.headers().firstValue("X-RateLimit-Remaining")).contains("0");
    assertThat(SseClient.parse(fourth.body()).path("error").asText())
        .isEqualTo("Rate limit exceeded");
    assertThat(emulator.recordedRequests()).isEmpty();
    assertThat(converse(limitedClient, OTHER_KEY).statusCode()).isEqualTo(200);
  }

  @Test
  void rejectsBadRequestsBeforeTheyReachBedrock() {
    String path = "/api/v1/bedrock/converse-stream";
    Map<String, String> key = Map.of("X-API-Key", OTHER_KEY);

    HttpResponse<String> noKey = limitedClient.post(path, SseClient.chat("Hi"), Map.of());
    HttpResponse<String> wrongKey =
        limitedClient.post(path, SseClient.chat("Hi"), Map.of("X-API-Key", "nope"));
    HttpResponse<String> malformed = limitedClient.post(path, "{\"messages\": [", key);
    HttpResponse<String> empty = limitedClient.post(path, "{\"messages\": []}", key);
    HttpResponse<String> tooLarge =
        limitedClient.post(path, SseClient.chat("x".repeat(5_000)), key);

    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(SseClient.parse(noKey.body()).path("error").asText()).isEqualTo("API key required");
    assertThat(wrongKey.statusCode()).isEqualTo(401);
    assertThat(SseClient.parse(wrongKey.body()).path("error").asText())
        .isEqualTo("Invalid API key");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(SseClient.parse(empty.body()).path("detail").asText()).contains("messages");
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(List.of(noKey, wrongKey, malformed, empty, tooLarge))
        .allSatisfy(
            response ->
                assertThat(SseClient.parse(response.body()).path("request_id").asText())
                    .isNotBlank());
    assertThat(emulator.recordedRequests()).isEmpty();
  }

  @Test
  void anUpstreamFailureBeforeTheFirstByteIsARealStatus() {
    HttpResponse<String> response =
        client.post(
            "/api/v1/converse-stream",
            SseClient.chat("Hello [emulator:throttle]"),
            Map.of("X-API-Key", UNLIMITED_KEY));

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void anUpstreamFailureMidStreamIsOneErrorEventAfterTheTextSentOnce() {
    HttpResponse<String> response =
        client.post(
            "/api/v1/converse-stream",
            SseClient.chat(
                "Hello [emulator:fail-after=3] [emulator:fail-type=throttlingException]"),
            Map.of("X-API-Key", UNLIMITED_KEY));

    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonNode> events = SseClient.events(response.body());
    assertThat(SseClient.text(events)).isEqualTo(EmulatedAnswer.text("Hello", 3));
    assertThat(events.getLast().has("error")).isTrue();
    assertThat(events.getLast().path("type").asText()).isEqualTo("stream_error");
    assertThat(events.stream().filter(event -> event.has("error"))).hasSize(1);
  }

  @Test
  void servesTwoHundredConcurrentStreams() throws Exception {
    List<Future<HttpResponse<String>>> streams = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 200; i++) {
        String prompt = "Stream number " + i + " [emulator:token-delay-ms=10] [emulator:tokens=20]";
        streams.add(
            pool.submit(
                () ->
                    client.post(
                        "/api/v1/converse-stream",
                        SseClient.chat(prompt),
                        Map.of("X-API-Key", UNLIMITED_KEY))));
      }
    }

    for (int i = 0; i < streams.size(); i++) {
      HttpResponse<String> response = streams.get(i).get();
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(SseClient.text(SseClient.events(response.body())))
          .isEqualTo(EmulatedAnswer.text("Stream number " + i, 20));
    }
  }

  @Test
  void reportsHealthWithoutAKey() {
    HttpResponse<String> health = client.get("/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(SseClient.parse(health.body()).path("status").asText()).isEqualTo("healthy");
  }

  private static HttpResponse<String> converse(SseClient target, String key) {
    return target.post("/api/v1/converse", SseClient.chat("Hello"), Map.of("X-API-Key", key));
  }

  private GatewayConfig config(Map<String, String> variables) {
    return TestGateways.config(emulator, variables);
  }
}
