package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.Base64ImageSource;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.ImageBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.Tool;
import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.mongo.MongoFixture;
import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.BedrockOperation;
import io.bedrockgateway.emulator.EmulatorSettings;
import io.bedrockgateway.emulator.RecordedRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Anthropic Java SDK with its base URL at the gateway and a gateway key as its API
 * key, against a real gateway on MongoDB calling its own emulator: messages (text, tools, images,
 * thinking), streaming, token counting, typed errors, betas and fields Bedrock rejects dropped, and
 * prompt-cache tokens billed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnthropicSdkTest {
  private static final String KEY = "anthropic-sdk-key-0123456789";
  private static final String SONNET = "claude-sonnet-4-5";
  private static final String SONNET_ID = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
  // a 1x1 transparent PNG
  private static final String PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

  private BedrockEmulator emulator;
  private MongoGateways gateways;
  private Gateway gateway;
  private String database;
  private String mongoUri;
  private AnthropicClient client;

  @BeforeAll
  void start(@TempDir Path spool) {
    emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
    database = "anthropic_sdk_" + UUID.randomUUID().toString().replace("-", "");
    mongoUri = MongoFixture.shared().uri(database);
    gateways = new MongoGateways(emulator);
    gateway = gateways.start(mongoUri, spool, Map.of("API_KEYS", KEY, "RATE_LIMIT_REQUESTS", "0"));
    client = client(gateway, KEY);
  }

  @AfterAll
  void stop() {
    client.close();
    gateways.close();
    emulator.close();
  }

  private static AnthropicClient client(Gateway gateway, String key) {
    return AnthropicOkHttpClient.builder()
        .baseUrl("http://127.0.0.1:" + gateway.port())
        .apiKey(key)
        .maxRetries(0)
        .build();
  }

  private static MessageCreateParams.Builder ask(String text) {
    return MessageCreateParams.builder().model(SONNET).maxTokens(300).addUserMessage(text);
  }

  @Test
  void aMessageIsAnsweredAndRecordedAsAnthropicUsage() {
    String requestId = "anthropic-" + UUID.randomUUID();
    Message answer =
        client
            .messages()
            .create(
                ask("Hello from the Anthropic SDK")
                    .putAdditionalHeader("X-Request-ID", requestId)
                    .putAdditionalHeader("x-claude-code-session-id", "session-42")
                    .build());

    assertThat(answer.content().getFirst().asText().text()).isNotBlank();
    assertThat(answer.usage().outputTokens()).isPositive();
    RecordedRequest sent = lastInvoke();
    assertThat(sent.modelId()).isEqualTo(SONNET_ID);
    JsonNode body = SseClient.parse(sent.body());
    assertThat(body.path("anthropic_version").asText()).isEqualTo("bedrock-2023-05-31");
    assertThat(body.has("model")).isFalse();
    assertThat(body.has("stream")).isFalse();
    Document event = LedgerEvents.of(mongoUri, database, requestId);
    assertThat(event.getString("api")).isEqualTo("anthropic");
    assertThat(event.getString("session_id")).isEqualTo("session-42");
    assertThat(event.get("output_tokens", Number.class).longValue())
        .isEqualTo(answer.usage().outputTokens());
  }

  @Test
  void aToolCallComesBackAsAToolUseBlock() {
    Message answer =
        client
            .messages()
            .create(
                ask("What is the weather in Paris? [emulator:tool-use]")
                    .addTool(
                        Tool.builder()
                            .name("get_weather")
                            .description("The weather of a city")
                            .inputSchema(
                                Tool.InputSchema.builder()
                                    .properties(
                                        Tool.InputSchema.Properties.builder()
                                            .putAdditionalProperty(
                                                "city", JsonValue.from(Map.of("type", "string")))
                                            .build())
                                    .build())
                            .build())
                    .build());

    assertThat(answer.content())
        .filteredOn(ContentBlock::isToolUse)
        .singleElement()
        .satisfies(block -> assertThat(block.asToolUse().name()).isEqualTo("get_weather"));
    assertThat(answer.stopReason().orElseThrow().asString()).isEqualTo("tool_use");
  }

  @Test
  void anImageReachesTheModelAsSent() {
    Message answer =
        client
            .messages()
            .create(
                MessageCreateParams.builder()
                    .model(SONNET)
                    .maxTokens(300)
                    .addMessage(
                        MessageParam.ofUserOfContentBlockParams(
                            List.of(
                                ContentBlockParam.ofImage(
                                    ImageBlockParam.builder()
                                        .source(
                                            Base64ImageSource.builder()
                                                .data(PNG)
                                                .mediaType(Base64ImageSource.MediaType.IMAGE_PNG)
                                                .build())
                                        .build()),
                                ContentBlockParam.ofText("What is in the picture?"))))
                    .build());

    assertThat(answer.content().getFirst().asText().text()).isNotBlank();
    JsonNode image = SseClient.parse(lastInvoke().body()).path("messages").path(0).path("content");
    assertThat(image.path(0).path("source").path("data").asText()).isEqualTo(PNG);
  }

  @Test
  void thinkingBlocksAndTheirSignaturesGoBackUnchangedAndInOrder() {
    Message first = client.messages().create(ask("Think first").enabledThinking(1024).build());
    ContentBlock thinking = first.content().getFirst();
    assertThat(thinking.isThinking()).isTrue();
    assertThat(thinking.asThinking().signature()).isNotBlank();

    client
        .messages()
        .create(
            ask("Think first")
                .enabledThinking(1024)
                .addMessage(first)
                .addUserMessage("And then?")
                .build());

    JsonNode turns = SseClient.parse(lastInvoke().body()).path("messages");
    JsonNode replayed = turns.path(1).path("content");
    assertThat(replayed.path(0).path("type").asText()).isEqualTo("thinking");
    assertThat(replayed.path(0).path("thinking").asText())
        .isEqualTo(thinking.asThinking().thinking());
    assertThat(replayed.path(0).path("signature").asText())
        .isEqualTo(thinking.asThinking().signature());
    assertThat(replayed.path(1).path("type").asText()).isEqualTo("text");
  }

  @Test
  void aStreamIsAnthropicsEvents() {
    StringBuilder text = new StringBuilder();
    List<String> kinds = new java.util.ArrayList<>();
    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(ask("Stream to me").build())) {
      stream.stream()
          .forEach(
              event -> {
                if (event.isMessageStart()) {
                  kinds.add("message_start");
                } else if (event.isContentBlockDelta()) {
                  kinds.add("content_block_delta");
                  event.asContentBlockDelta().delta().text().ifPresent(t -> text.append(t.text()));
                } else if (event.isMessageDelta()) {
                  kinds.add("message_delta");
                } else if (event.isMessageStop()) {
                  kinds.add("message_stop");
                }
              });
    }

    assertThat(kinds.getFirst()).isEqualTo("message_start");
    assertThat(kinds).contains("content_block_delta", "message_delta");
    assertThat(kinds.getLast()).isEqualTo("message_stop");
    assertThat(text.toString()).isNotBlank();
  }

  @Test
  void countTokensCountsAsTheModelDoes() {
    long counted =
        client
            .messages()
            .countTokens(
                MessageCountTokensParams.builder()
                    .model(SONNET)
                    .addUserMessage("How many tokens is this?")
                    .build())
            .inputTokens();
    Message answer = client.messages().create(ask("How many tokens is this?").build());

    assertThat(counted).isPositive().isEqualTo(answer.usage().inputTokens());
  }

  @Test
  void betasAndFieldsBedrockRejectsAreDroppedAndTheRequestSucceeds() {
    Message answer =
        client
            .messages()
            .create(
                ask("Hello with extras")
                    .putAdditionalHeader(
                        "anthropic-beta", "made-up-beta-2099-01-01,interleaved-thinking-2025-05-14")
                    .putAdditionalBodyProperty("service_tier", JsonValue.from("auto"))
                    .putAdditionalBodyProperty("container", JsonValue.from("c-1"))
                    .build());

    assertThat(answer.content().getFirst().asText().text()).isNotBlank();
    JsonNode body = SseClient.parse(lastInvoke().body());
    assertThat(body.has("service_tier")).isFalse();
    assertThat(body.has("container")).isFalse();
    assertThat(body.path("anthropic_beta").size()).isEqualTo(1);
    assertThat(body.path("anthropic_beta").path(0).asText())
        .isEqualTo("interleaved-thinking-2025-05-14");
  }

  @Test
  void cacheControlReachesTheModelAndItsCacheTokensAreBilled() {
    String manual =
        "The support manual, edition " + UUID.randomUUID() + ". " + "Be kind. ".repeat(60);
    String writeId = "cache-write-" + UUID.randomUUID();
    String readId = "cache-read-" + UUID.randomUUID();
    java.util.function.Function<String, MessageCreateParams> cached =
        requestId ->
            ask("Where?")
                .systemOfTextBlockParams(
                    List.of(
                        TextBlockParam.builder()
                            .text(manual)
                            .cacheControl(CacheControlEphemeral.builder().build())
                            .build()))
                .putAdditionalHeader("X-Request-ID", requestId)
                .build();

    Message written = client.messages().create(cached.apply(writeId));
    JsonNode system = SseClient.parse(lastInvoke().body()).path("system");
    assertThat(system.path(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
    Message read = client.messages().create(cached.apply(readId));

    long prefix = written.usage().cacheCreationInputTokens().orElseThrow();
    assertThat(prefix).isPositive();
    assertThat(read.usage().cacheReadInputTokens()).contains(prefix);
    Document writeEvent = LedgerEvents.of(mongoUri, database, writeId);
    Document readEvent = LedgerEvents.of(mongoUri, database, readId);
    assertThat(writeEvent.get("cache_write_input_tokens", Number.class).longValue())
        .isEqualTo(prefix);
    assertThat(readEvent.get("cache_read_input_tokens", Number.class).longValue())
        .isEqualTo(prefix);
    // Claude Sonnet 4.5 per million: 3.00 in, 15.00 out, 0.30 cache read, 3.75 cache write
    assertThat(cost(writeEvent))
        .isEqualByComparingTo(
            microDollars(
                written.usage().inputTokens() * 300
                    + written.usage().outputTokens() * 1500
                    + prefix * 375));
    assertThat(cost(readEvent))
        .isEqualByComparingTo(
            microDollars(
                read.usage().inputTokens() * 300
                    + read.usage().outputTokens() * 1500
                    + prefix * 30));
  }

  @Test
  void anUnknownKeyIsTheSdksUnauthorizedException() {
    AnthropicClient stranger = client(gateway, "bgw_unknown_key_0123456789");
    try {
      assertThatThrownBy(() -> stranger.messages().create(ask("Hi").build()))
          .isInstanceOf(UnauthorizedException.class);
    } finally {
      stranger.close();
    }
  }

  @Test
  void aKeyOverItsRateIsTheSdksRateLimitExceptionWithRetryAfter(@TempDir Path spool) {
    String limited = "anthropic-limited-0123456789";
    Gateway strict =
        gateways.start(mongoUri, spool, Map.of("API_KEYS", limited, "RATE_LIMIT_REQUESTS", "1"));
    AnthropicClient tight = client(strict, limited);
    try {
      tight.messages().create(ask("First").build());
      assertThatThrownBy(() -> tight.messages().create(ask("Second").build()))
          .isInstanceOfSatisfying(
              RateLimitException.class,
              refused -> {
                assertThat(refused.headers().values("retry-after")).hasSize(1);
                assertThat(Long.parseLong(refused.headers().values("retry-after").getFirst()))
                    .isPositive();
              });
    } finally {
      tight.close();
      gateways.stop(strict);
    }
  }

  private static BigDecimal cost(Document event) {
    return new BigDecimal(event.get("cost_usd").toString());
  }

  /** Hundredths of a micro-dollar per token times tokens, in dollars. */
  private static BigDecimal microDollars(long hundredths) {
    return BigDecimal.valueOf(hundredths).movePointLeft(8);
  }

  private RecordedRequest lastInvoke() {
    List<RecordedRequest> requests = emulator.recordedRequests();
    return requests.stream()
        .filter(request -> request.operation() == BedrockOperation.INVOKE)
        .reduce((first, second) -> second)
        .orElseThrow();
  }
}
