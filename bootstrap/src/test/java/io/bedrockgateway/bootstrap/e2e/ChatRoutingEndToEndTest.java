package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatedAnswer;
import io.bedrockgateway.emulator.EmulatorSettings;
import io.bedrockgateway.emulator.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chat through the whole gateway and the real SDK: the error table row by row, retries, fallback
 * chains by model and by region, circuit breakers, tool use, attachments and pass-through fields.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatRoutingEndToEndTest {
  private static final String KEY = "chat-key-0123456789ab";
  private static final Map<String, String> AUTH = Map.of("X-API-Key", KEY);
  private static final Duration DEADLINE = Duration.ofSeconds(3);
  private static final String RETRIES = "bedrock_gateway_upstream_retries_total";
  private static final String THROTTLED =
      "bedrock_gateway_upstream_errors_total{type=\"upstream_throttled\"}";
  private static final String CATALOGUE =
      """
      {"notes": {"left": "to other readers of the file"},
       "models": {"catalogue": [
         {"id": "amazon.nova-pro-v1:0", "aliases": ["chain"], "operations": ["chat"],
          "input_modalities": ["text", "image", "document"],
          "fallbacks": [{"model": "amazon.nova-lite-v1:0"}]},
         {"id": "amazon.nova-micro-v1:0", "aliases": ["regional"], "operations": ["chat"],
          "fallbacks": [{"region": "us-west-2"}]},
         {"id": "meta.llama3-3-70b-instruct-v1:0", "aliases": ["fragile"], "operations": ["chat"],
          "fallbacks": [{"model": "amazon.nova-lite-v1:0"}]}
       ]}}
      """;

  @TempDir static Path directory;

  private BedrockEmulator emulator;
  private Gateway gateway;
  private SseClient client;

  @BeforeAll
  void start() {
    emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
    gateway = Gateway.start(TestGateways.config(emulator, variables("1000")));
    client = new SseClient(gateway.port());
  }

  private Map<String, String> variables(String breakerMinimumCalls) {
    Path file = directory.resolve("gateway-" + breakerMinimumCalls + ".json");
    try {
      Files.writeString(file, CATALOGUE);
    } catch (IOException unwritable) {
      throw new UncheckedIOException(unwritable);
    }
    return Map.of(
        "API_KEYS", KEY,
        "RATE_LIMIT_REQUESTS", "0",
        "GATEWAY_CONFIG", file.toString(),
        "BEDROCK_MAX_ATTEMPTS", "3",
        "BEDROCK_RETRY_BASE_DELAY_MS", "20",
        "BEDROCK_RETRY_MAX_DELAY_MS", "100",
        "BEDROCK_RETRY_DEADLINE_MS", Long.toString(DEADLINE.toMillis()),
        "BEDROCK_BREAKER_MINIMUM_CALLS", breakerMinimumCalls,
        "BEDROCK_BREAKER_OPEN_SECONDS", "600");
  }

  @AfterAll
  void stop() {
    gateway.close();
    emulator.close();
  }

  @BeforeEach
  void forgetEarlierRequests() {
    emulator.clearRecordedRequests();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [emulator:throttle]                               | 429 | Model is throttling requests   | Too many requests
          [emulator:error=ServiceQuotaExceededException]    | 429 | Model is throttling requests   | exceeds the service quota
          [emulator:error=ValidationException]              | 400 | Rejected by the model          | The request is invalid.
          [emulator:error=404]                              | 404 | Unknown model                  | does not know the model
          [emulator:model-timeout]                          | 504 | Model timed out                | Model has timed out
          [emulator:unavailable]                            | 503 | Model unavailable              | unable to process
          [emulator:error=ModelNotReadyException]           | 503 | Model unavailable              | not ready
          [emulator:error=500]                              | 502 | Model call failed              | internal error
          [emulator:error=424]                              | 502 | Model call failed              | failed to process
          [emulator:error=403]                              | 502 | Model call failed              | bedrock:InvokeModel
          """)
  void eachBedrockErrorIsItsRowOfTheTable(
      String directive, int status, String error, String detail) {
    for (String route : List.of("/api/v1/converse", "/api/v1/converse-stream")) {
      HttpResponse<String> response = client.post(route, SseClient.chat("Hi " + directive), AUTH);

      assertThat(response.statusCode()).as(route + " " + response.body()).isEqualTo(status);
      JsonNode body = SseClient.parse(response.body());
      assertThat(body.get("error").asText()).isEqualTo(error);
      assertThat(body.get("detail").asText()).contains(detail);
      assertThat(response.headers().firstValue("Retry-After").isPresent()).isEqualTo(status == 429);
    }
  }

  @Test
  void persistentThrottlingOnOneTargetIsA429AfterTheBoundedRetriesWithinTheDeadline() {
    double retriesBefore = counter(RETRIES);
    double throttledBefore = counter(THROTTLED);

    // Ten times the deadline: only a hang gets there.
    HttpResponse<String> response =
        assertTimeoutPreemptively(
            DEADLINE.multipliedBy(10),
            () ->
                client.post(
                    "/api/v1/converse-stream", SseClient.chat("Busy [emulator:throttle]"), AUTH),
            "the throttled call hung");

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(SseClient.parse(response.body()).get("error").asText())
        .isEqualTo("Model is throttling requests");
    // BEDROCK_MAX_ATTEMPTS rounds, none cut short by the deadline, and no more
    assertThat(emulator.recordedRequests()).hasSize(3);
    assertThat(counter(THROTTLED) - throttledBefore).isEqualTo(3);
    assertThat(counter(RETRIES) - retriesBefore).isEqualTo(2);
  }

  @Test
  void aThrottleThatPassesIsRetriedAndAnswered() {
    HttpResponse<String> response =
        client.post(
            "/api/v1/converse",
            SseClient.chat("Soon [emulator:throttle] [emulator:fault-times=2]"),
            AUTH);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(emulator.recordedRequests()).hasSize(3);
    assertThat(client.get("/metrics").body())
        .containsPattern("(?m)^bedrock_gateway_upstream_retries_total [1-9]")
        .containsPattern(
            "(?m)^bedrock_gateway_upstream_errors_total\\{type=\"upstream_throttled\"} [1-9]");
  }

  @Test
  void aThrottledFirstTargetHandsTheStreamToTheSecondWhichTheClientIsTold() {
    String prompt = "Hello [emulator:throttle] [emulator:fault-model=amazon.nova-pro-v1:0]";

    HttpResponse<String> response =
        client.post("/api/v1/bedrock/converse-stream", chat("chain", prompt), AUTH);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Gateway-Served-Model"))
        .contains("amazon.nova-lite-v1:0");
    List<JsonNode> events = SseClient.events(response.body());
    assertThat(SseClient.text(events)).isEqualTo(EmulatedAnswer.text("Hello"));
    assertThat(events.getLast().get("metadata").get("servedModel").asText())
        .isEqualTo("amazon.nova-lite-v1:0");
    assertThat(emulator.recordedRequests())
        .extracting(RecordedRequest::modelId)
        .containsExactly("amazon.nova-pro-v1:0", "amazon.nova-lite-v1:0");
    assertThat(client.get("/metrics").body())
        .contains(
            "bedrock_gateway_upstream_fallbacks_total{from=\"amazon.nova-pro-v1:0\","
                + "to=\"amazon.nova-lite-v1:0\"}");
  }

  @Test
  void anUnavailableRegionHandsTheCallToTheNextRegion() {
    String prompt = "Hello [emulator:unavailable] [emulator:fault-region=us-east-1]";

    HttpResponse<String> response = client.post("/api/v1/converse", chat("regional", prompt), AUTH);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(SseClient.parse(response.body()).get("servedModel").asText())
        .isEqualTo("amazon.nova-micro-v1:0");
    List<RecordedRequest> sent = emulator.recordedRequests();
    assertThat(sent).hasSize(2);
    assertThat(sent.getLast().header("Authorization").orElseThrow()).contains("/us-west-2/");
  }

  @Test
  void aTargetThatKeepsFailingIsSkippedOnceItsBreakerOpens() {
    try (Gateway touchy = Gateway.start(TestGateways.config(emulator, variables("2")))) {
      SseClient touchyClient = new SseClient(touchy.port());
      String failing =
          "Hi [emulator:error=500] [emulator:fault-model=meta.llama3-3-70b-instruct-v1:0]";
      for (int call = 0; call < 2; call++) {
        assertThat(
                touchyClient.post("/api/v1/converse", chat("fragile", failing), AUTH).statusCode())
            .isEqualTo(200);
      }
      emulator.clearRecordedRequests();

      HttpResponse<String> response =
          touchyClient.post("/api/v1/converse", chat("fragile", "Hi again"), AUTH);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(emulator.recordedRequests())
          .extracting(RecordedRequest::modelId)
          .containsExactly("amazon.nova-lite-v1:0");
    }
  }

  @Test
  void streamsAToolCallInBedrocksEventOrder() {
    String body =
        SseClient.json(
            Map.of(
                "messages",
                List.of(Map.of("role", "user", "content", "Weather in Paris? [emulator:tool-use]")),
                "tool_config",
                weatherTool()));

    HttpResponse<String> response = client.post("/api/v1/converse-stream", body, AUTH);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> events = SseClient.events(response.body());
    List<String> names =
        events.stream().map(event -> event.fieldNames().next()).distinct().toList();
    assertThat(names)
        .as(response.body())
        .containsExactly(
            "messageStart",
            "contentBlockDelta",
            "contentBlockStop",
            "contentBlockStart",
            "messageStop",
            "metadata");
    JsonNode start =
        events.stream().filter(event -> event.has("contentBlockStart")).findFirst().orElseThrow();
    assertThat(start.at("/contentBlockStart/start/toolUse/name").asText()).isEqualTo("get_weather");
    assertThat(start.at("/contentBlockStart/start/toolUse/toolUseId").asText()).isNotBlank();
    String input =
        events.stream()
            .map(event -> event.at("/contentBlockDelta/delta/toolUse/input"))
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText)
            .collect(Collectors.joining());
    JsonNode arguments = SseClient.parse(input);
    assertThat(arguments.get("days").asInt()).isEqualTo(42);
    assertThat(arguments.get("city").isTextual()).isTrue();
    assertThat(events.get(events.size() - 2).at("/messageStop/stopReason").asText())
        .isEqualTo("tool_use");
    JsonNode sent = SseClient.parse(emulator.recordedRequests().getFirst().body());
    assertThat(sent.at("/toolConfig/tools/0/toolSpec/name").asText()).isEqualTo("get_weather");
  }

  @Test
  void continuesAConversationWithAToolResultAndRefusesOneWithoutTools() {
    List<Object> messages =
        List.of(
            Map.of("role", "user", "content", "Weather in Paris?"),
            Map.of(
                "role",
                "assistant",
                "content",
                List.of(
                    Map.of(
                        "toolUse",
                        Map.of("toolUseId", "tool_1", "name", "get_weather", "input", Map.of())))),
            Map.of(
                "role",
                "user",
                "content",
                List.of(
                    Map.of(
                        "toolResult",
                        Map.of(
                            "toolUseId",
                            "tool_1",
                            "content",
                            List.of(Map.of("json", Map.of("celsius", 21))),
                            "status",
                            "success")))));

    HttpResponse<String> answered =
        client.post(
            "/api/v1/converse",
            SseClient.json(Map.of("messages", messages, "tool_config", weatherTool())),
            AUTH);
    HttpResponse<String> refused =
        client.post("/api/v1/converse", SseClient.json(Map.of("messages", messages)), AUTH);

    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    JsonNode sent = SseClient.parse(emulator.recordedRequests().getFirst().body());
    assertThat(sent.at("/messages/2/content/0/toolResult/content/0/json/celsius").asInt())
        .isEqualTo(21);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(SseClient.parse(refused.body()).get("detail").asText())
        .contains("toolConfig field must be defined");
  }

  @Test
  void passesImagesDocumentsStopSequencesAndModelFieldsThrough() {
    String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    String pdf = Base64.getEncoder().encodeToString("%PDF-1.4".getBytes());
    Map<String, Object> image =
        Map.of("image", Map.of("format", "png", "source", Map.of("bytes", png)));
    Map<String, Object> document =
        Map.of(
            "document",
            Map.of("format", "pdf", "name", "Quarterly report", "source", Map.of("bytes", pdf)));
    String body =
        SseClient.json(
            Map.of(
                "model_id",
                "chain",
                "messages",
                List.of(
                    Map.of(
                        "role",
                        "user",
                        "content",
                        List.of(Map.of("text", "Describe both"), image, document))),
                "stop_sequences",
                List.of("END"),
                "additional_model_request_fields",
                Map.of("top_k", 5)));

    HttpResponse<String> response = client.post("/api/v1/converse", body, AUTH);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode sent = SseClient.parse(emulator.recordedRequests().getFirst().body());
    assertThat(sent.at("/messages/0/content/1/image/source/bytes").asText()).isEqualTo(png);
    assertThat(sent.at("/messages/0/content/2/document/name").asText())
        .isEqualTo("Quarterly report");
    assertThat(sent.at("/inferenceConfig/stopSequences/0").asText()).isEqualTo("END");
    assertThat(sent.at("/additionalModelRequestFields/top_k").asInt()).isEqualTo(5);
  }

  @Test
  void bedrocksOwnValidationOfADocumentNameComesBackAs400() {
    String pdf = Base64.getEncoder().encodeToString("%PDF-1.4".getBytes());
    String body =
        SseClient.json(
            Map.of(
                "messages",
                List.of(
                    Map.of(
                        "role",
                        "user",
                        "content",
                        List.of(
                            Map.of(
                                "document",
                                Map.of(
                                    "format",
                                    "pdf",
                                    "name",
                                    "report.pdf",
                                    "source",
                                    Map.of("bytes", pdf))))))));

    HttpResponse<String> response = client.post("/api/v1/converse", body, AUTH);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SseClient.parse(response.body()).get("detail").asText())
        .contains("document file name can only contain");
  }

  @Test
  void aBareBaseIdFindsItsInferenceProfileWhileAnUnlistedOneGetsBedrocksOnDemandError() {
    HttpResponse<String> resolved =
        client.post(
            "/api/v1/converse", chat("anthropic.claude-sonnet-4-5-20250929-v1:0", "Hello"), AUTH);
    HttpResponse<String> bare =
        client.post(
            "/api/v1/converse", chat("anthropic.claude-opus-4-1-20250805-v1:0", "Hello"), AUTH);

    assertThat(resolved.statusCode()).isEqualTo(200);
    assertThat(emulator.recordedRequests().getFirst().modelId())
        .isEqualTo("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
    assertThat(bare.statusCode()).isEqualTo(400);
    assertThat(SseClient.parse(bare.body()).get("detail").asText())
        .contains("with on-demand throughput isn\u2019t supported");
  }

  /** The value of a counter series in the gateway's scrape; zero while it has none. */
  private double counter(String series) {
    return client
        .get("/metrics")
        .body()
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
        .findFirst()
        .orElse(0);
  }

  private static String chat(String model, String prompt) {
    return SseClient.json(
        Map.of("model_id", model, "messages", List.of(Map.of("role", "user", "content", prompt))));
  }

  private static Map<String, Object> weatherTool() {
    Map<String, Object> schema =
        Map.of(
            "type",
            "object",
            "properties",
            Map.of("city", Map.of("type", "string"), "days", Map.of("type", "integer")));
    return Map.of(
        "tools",
        List.of(
            Map.of(
                "toolSpec",
                Map.of(
                    "name",
                    "get_weather",
                    "description",
                    "The forecast",
                    "inputSchema",
                    Map.of("json", schema)))));
  }
}
