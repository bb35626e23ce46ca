package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.mongo.MongoFixture;
import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.emulator.EmulatedAnswer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * The AWS SDK for Java's Bedrock Runtime clients, pointed at the gateway's {@code /bedrock} prefix
 * with a gateway key as their bearer token, against a real gateway on MongoDB calling the emulator:
 * Converse and ConverseStream decoded by the SDK itself, failures as its typed exceptions, and each
 * call recorded as usage of the {@code bedrock} surface.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BedrockConverseSdkTest {
  private static final String KEY = "bedrock-sdk-key-0123456789";
  private static final String LIMITED_KEY = "bedrock-sdk-limited-0123456789";
  private static final String HAIKU = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

  private MongoGateways gateways;
  private Gateway gateway;
  private String database;
  private String mongoUri;
  private BedrockRuntimeClient sync;
  private BedrockRuntimeAsyncClient async;

  @BeforeAll
  void start(@TempDir Path spool) {
    database = "bedrock_sdk_" + UUID.randomUUID().toString().replace("-", "");
    mongoUri = MongoFixture.shared().uri(database);
    gateways = new MongoGateways(TestGateways.emulator());
    gateway =
        gateways.start(
            mongoUri,
            spool,
            Map.of("API_KEYS", KEY + "," + LIMITED_KEY, "RATE_LIMIT_REQUESTS", "0"));
    sync = BedrockSdkClients.sync(gateway.port(), KEY);
    async = BedrockSdkClients.async(gateway.port(), KEY);
  }

  @AfterAll
  void stop() {
    sync.close();
    async.close();
    gateways.close();
  }

  private static Message user(String text) {
    return Message.builder()
        .role(ConversationRole.USER)
        .content(ContentBlock.fromText(text))
        .build();
  }

  @Test
  void converseAnswersInBedrocksShapeAndIsRecordedAsBedrockUsage() {
    String requestId = "bedrock-converse-" + UUID.randomUUID();
    ConverseResponse answer =
        sync.converse(
            ConverseRequest.builder()
                .modelId(HAIKU)
                .messages(user("Hello from the AWS SDK"))
                .inferenceConfig(config -> config.maxTokens(200))
                .overrideConfiguration(o -> o.putHeader("X-Request-ID", requestId))
                .build());

    assertThat(answer.stopReason()).isEqualTo(StopReason.END_TURN);
    assertThat(answer.output().message().content().getFirst().text()).isNotBlank();
    assertThat(answer.usage().outputTokens()).isEqualTo(EmulatedAnswer.DEFAULT_TOKENS);
    assertThat(answer.usage().inputTokens()).isPositive();
    assertThat(answer.responseMetadata().requestId()).isEqualTo(requestId);
    Document event = usageOf(requestId);
    assertThat(event.getString("api")).isEqualTo("bedrock");
    assertThat(event.getString("operation")).isEqualTo("converse");
    assertThat(event.get("input_tokens", Number.class).intValue())
        .isEqualTo(answer.usage().inputTokens());
    assertThat(event.get("output_tokens", Number.class).intValue())
        .isEqualTo(answer.usage().outputTokens());
  }

  @Test
  void converseStreamIsDecodedByTheSdkAndRecordedAsBedrockUsage() {
    String requestId = "bedrock-stream-" + UUID.randomUUID();
    StringBuilder text = new StringBuilder();
    List<String> events = new CopyOnWriteArrayList<>();
    List<ConverseStreamMetadataEvent> metadata = new CopyOnWriteArrayList<>();
    ConverseStreamResponseHandler handler =
        ConverseStreamResponseHandler.builder()
            .subscriber(
                ConverseStreamResponseHandler.Visitor.builder()
                    .onMessageStart(start -> events.add("messageStart:" + start.roleAsString()))
                    .onContentBlockDelta(
                        delta -> {
                          events.add("delta");
                          text.append(delta.delta().text());
                        })
                    .onContentBlockStop(stop -> events.add("stop"))
                    .onMessageStop(stop -> events.add("messageStop:" + stop.stopReasonAsString()))
                    .onMetadata(
                        meta -> {
                          events.add("metadata");
                          metadata.add(meta);
                        })
                    .build())
            .build();

    async
        .converseStream(
            ConverseStreamRequest.builder()
                .modelId(HAIKU)
                .messages(user("Stream to me"))
                .overrideConfiguration(o -> o.putHeader("X-Request-ID", requestId))
                .build(),
            handler)
        .orTimeout(60, TimeUnit.SECONDS)
        .join();

    assertThat(events.getFirst()).isEqualTo("messageStart:assistant");
    assertThat(events).contains("delta", "stop", "messageStop:end_turn");
    assertThat(events.getLast()).isEqualTo("metadata");
    assertThat(text.toString()).isNotBlank();
    assertThat(metadata.getFirst().usage().outputTokens()).isEqualTo(EmulatedAnswer.DEFAULT_TOKENS);
    Document event = usageOf(requestId);
    assertThat(event.getString("api")).isEqualTo("bedrock");
    assertThat(event.getString("operation")).isEqualTo("converse_stream");
    assertThat(event.get("output_tokens", Number.class).intValue())
        .isEqualTo(metadata.getFirst().usage().outputTokens());
  }

  @Test
  void aFailureInsideTheStreamIsTheSdksTypedException() {
    List<String> texts = new CopyOnWriteArrayList<>();
    ConverseStreamResponseHandler handler =
        ConverseStreamResponseHandler.builder()
            .subscriber(
                ConverseStreamResponseHandler.Visitor.builder()
                    .onContentBlockDelta(delta -> texts.add(delta.delta().text()))
                    .build())
            .build();

    assertThatThrownBy(
            () ->
                async
                    .converseStream(
                        ConverseStreamRequest.builder()
                            .modelId(HAIKU)
                            .messages(user("Fail midway [emulator:fail-after=2]"))
                            .build(),
                        handler)
                    .orTimeout(60, TimeUnit.SECONDS)
                    .join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(ModelStreamErrorException.class);
    assertThat(texts).hasSize(2);
  }

  @Test
  void anInvalidRequestIsAValidationExceptionNamingTheField() {
    assertThatThrownBy(
            () ->
                sync.converse(
                    ConverseRequest.builder()
                        .modelId(HAIKU)
                        .messages(user("Hi"))
                        .guardrailConfig(
                            GuardrailConfiguration.builder()
                                .guardrailIdentifier("g")
                                .guardrailVersion("1")
                                .build())
                        .build()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            refused -> {
              assertThat(refused.statusCode()).isEqualTo(400);
              assertThat(refused.awsErrorDetails().errorMessage()).startsWith("guardrailConfig: ");
              assertThat(refused.requestId()).isNotBlank();
            });
  }

  @Test
  void anUnknownKeyIsRefusedWith401() {
    try (BedrockRuntimeClient stranger = BedrockSdkClients.sync(gateway.port(), "bgw_unknown_x")) {
      assertThatThrownBy(
              () ->
                  stranger.converse(
                      ConverseRequest.builder().modelId(HAIKU).messages(user("Hi")).build()))
          .isInstanceOfSatisfying(
              BedrockRuntimeException.class,
              refused -> {
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.awsErrorDetails().errorCode())
                    .isEqualTo("UnrecognizedClientException");
              });
    }
  }

  @Test
  void aSigV4SignedRequestIsToldToUseAGatewayKeyAsBearerToken() {
    try (BedrockRuntimeClient signing = BedrockSdkClients.signing(gateway.port())) {
      assertThatThrownBy(
              () ->
                  signing.converse(
                      ConverseRequest.builder().modelId(HAIKU).messages(user("Hi")).build()))
          .isInstanceOfSatisfying(
              BedrockRuntimeException.class,
              refused -> {
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.awsErrorDetails().errorMessage())
                    .contains("AWS_BEARER_TOKEN_BEDROCK")
                    .contains("gateway API key");
              });
    }
  }

  @Test
  void aThrottledModelIsTheSdksThrottlingException() {
    assertThatThrownBy(
            () ->
                sync.converse(
                    ConverseRequest.builder()
                        .modelId(HAIKU)
                        .messages(user("Slow down [emulator:throttle]"))
                        .build()))
        .isInstanceOfSatisfying(
            ThrottlingException.class, refused -> assertThat(refused.statusCode()).isEqualTo(429));
  }

  @Test
  void inferenceProfilesAreListedFromTheCatalogue() {
    SseClient http = new SseClient(gateway.port());
    HttpResponse<String> listed =
        http.get("/bedrock/inference-profiles", Map.of("Authorization", "Bearer " + KEY));
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    JsonNode summaries = SseClient.parse(listed.body()).path("inferenceProfileSummaries");
    List<String> ids = new ArrayList<>();
    summaries.forEach(profile -> ids.add(profile.path("inferenceProfileId").asText()));
    assertThat(ids).contains(HAIKU).doesNotContain("amazon.nova-pro-v1:0");

    HttpResponse<String> one =
        http.get("/bedrock/inference-profiles/" + HAIKU, Map.of("X-API-Key", KEY));
    assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
    JsonNode profile = SseClient.parse(one.body());
    assertThat(profile.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(profile.path("type").asText()).isEqualTo("SYSTEM_DEFINED");
    assertThat(profile.path("models").path(0).path("modelArn").asText())
        .endsWith(":foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0");

    HttpResponse<String> missing =
        http.get("/bedrock/inference-profiles/us.nothing-v1:0", Map.of("X-API-Key", KEY));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("x-amzn-ErrorType"))
        .contains("ResourceNotFoundException");
  }

  private Document usageOf(String requestId) {
    return LedgerEvents.of(mongoUri, database, requestId);
  }
}
