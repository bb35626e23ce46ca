package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.mongo.MongoFixture;
import io.bedrockgateway.bootstrap.Gateway;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensInput;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;

/**
 * The AWS SDK for Java's InvokeModel, InvokeModelWithResponseStream and CountTokens with a Claude
 * body in Anthropic's Messages format, through the gateway's {@code /bedrock} prefix with a gateway
 * key as bearer token, against a real gateway on MongoDB calling the emulator: the answers decoded
 * by the SDK as Bedrock sends them, and the usage read from them recorded for the {@code bedrock}
 * surface.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BedrockInvokeSdkTest {
  private static final String KEY = "bedrock-invoke-key-0123456789";
  private static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
  private static final String BODY =
      "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":300,"
          + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
          + "\"text\":\"Hello from InvokeModel\"}]}]}";

  private MongoGateways gateways;
  private String database;
  private String mongoUri;
  private BedrockRuntimeClient sync;
  private BedrockRuntimeAsyncClient async;

  @BeforeAll
  void start(@TempDir Path spool) {
    database = "bedrock_invoke_" + UUID.randomUUID().toString().replace("-", "");
    mongoUri = MongoFixture.shared().uri(database);
    gateways = new MongoGateways(TestGateways.emulator());
    Gateway gateway =
        gateways.start(mongoUri, spool, Map.of("API_KEYS", KEY, "RATE_LIMIT_REQUESTS", "0"));
    sync = BedrockSdkClients.sync(gateway.port(), KEY);
    async = BedrockSdkClients.async(gateway.port(), KEY);
  }

  @AfterAll
  void stop() {
    sync.close();
    async.close();
    gateways.close();
  }

  @Test
  void invokeModelAnswersWithClaudesMessageAndBedrocksTokenHeaders() {
    String requestId = "invoke-" + UUID.randomUUID();
    InvokeModelResponse answer =
        sync.invokeModel(
            InvokeModelRequest.builder()
                .modelId(SONNET)
                .contentType("application/json")
                .accept("application/json")
                .body(SdkBytes.fromUtf8String(BODY))
                .overrideConfiguration(o -> o.putHeader("X-Request-ID", requestId))
                .build());

    JsonNode message = SseClient.parse(answer.body().asUtf8String());
    assertThat(message.path("type").asText()).isEqualTo("message");
    assertThat(message.path("content").path(0).path("text").asText()).isNotBlank();
    int input = message.path("usage").path("input_tokens").asInt();
    int output = message.path("usage").path("output_tokens").asInt();
    assertThat(answer.sdkHttpResponse().firstMatchingHeader("X-Amzn-Bedrock-Input-Token-Count"))
        .contains(Integer.toString(input));
    assertThat(answer.sdkHttpResponse().firstMatchingHeader("X-Amzn-Bedrock-Output-Token-Count"))
        .contains(Integer.toString(output));
    Document event = usageOf(requestId);
    assertThat(event.getString("api")).isEqualTo("bedrock");
    assertThat(event.getString("operation")).isEqualTo("invoke");
    assertThat(event.get("input_tokens", Number.class).intValue()).isEqualTo(input);
    assertThat(event.get("output_tokens", Number.class).intValue()).isEqualTo(output);
  }

  @Test
  void invokeModelWithResponseStreamRelaysClaudesEventsAsChunks() {
    String requestId = "invoke-stream-" + UUID.randomUUID();
    List<JsonNode> events = new CopyOnWriteArrayList<>();
    InvokeModelWithResponseStreamResponseHandler handler =
        InvokeModelWithResponseStreamResponseHandler.builder()
            .subscriber(
                InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                    .onChunk(chunk -> events.add(SseClient.parse(chunk.bytes().asUtf8String())))
                    .build())
            .build();

    async
        .invokeModelWithResponseStream(
            InvokeModelWithResponseStreamRequest.builder()
                .modelId(SONNET)
                .contentType("application/json")
                .body(SdkBytes.fromUtf8String(BODY))
                .overrideConfiguration(o -> o.putHeader("X-Request-ID", requestId))
                .build(),
            handler)
        .orTimeout(60, TimeUnit.SECONDS)
        .join();

    assertThat(events).extracting(event -> event.path("type").asText()).startsWith("message_start");
    assertThat(events.getLast().path("type").asText()).isEqualTo("message_stop");
    JsonNode metrics = events.getLast().path("amazon-bedrock-invocationMetrics");
    String text =
        events.stream()
            .filter(event -> event.path("type").asText().equals("content_block_delta"))
            .map(event -> event.path("delta").path("text").asText())
            .reduce("", String::concat);
    assertThat(text).isNotBlank();
    Document event = usageOf(requestId);
    assertThat(event.getString("api")).isEqualTo("bedrock");
    assertThat(event.getString("operation")).isEqualTo("invoke_stream");
    assertThat(event.get("input_tokens", Number.class).intValue())
        .isEqualTo(metrics.path("inputTokenCount").asInt());
    assertThat(event.get("output_tokens", Number.class).intValue())
        .isEqualTo(metrics.path("outputTokenCount").asInt())
        .isPositive();
  }

  @Test
  void countTokensCountsAnInvokeModelBody() {
    CountTokensResponse counted =
        sync.countTokens(
            CountTokensRequest.builder()
                .modelId("anthropic.claude-sonnet-4-5-20250929-v1:0")
                .input(
                    CountTokensInput.fromInvokeModel(
                        InvokeModelTokensRequest.builder()
                            .body(SdkBytes.fromUtf8String(BODY))
                            .build()))
                .build());

    InvokeModelResponse invoked =
        sync.invokeModel(
            InvokeModelRequest.builder()
                .modelId(SONNET)
                .body(SdkBytes.fromUtf8String(BODY))
                .build());
    assertThat(counted.inputTokens())
        .isEqualTo(
            SseClient.parse(invoked.body().asUtf8String())
                .path("usage")
                .path("input_tokens")
                .asInt());
  }

  private Document usageOf(String requestId) {
    return LedgerEvents.of(mongoUri, database, requestId);
  }
}
