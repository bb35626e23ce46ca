package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensInput;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** InvokeModel and InvokeModelWithResponseStream of Claude models, through the real SDK. */
class ClaudeInvokeTest {
  private static final String CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WEATHER_TOOL =
      "{\"name\":\"get_weather\",\"description\":\"w\",\"input_schema\":{\"type\":\"object\","
          + "\"properties\":{\"city\":{\"type\":\"string\"},\"days\":{\"type\":\"integer\"}}}}";

  private static BedrockEmulator emulator;
  private static BedrockRuntimeAsyncClient client;

  @BeforeAll
  static void startEmulator() {
    emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
    client = SdkClients.asyncClient(emulator.endpoint());
  }

  @AfterAll
  static void stopEmulator() {
    client.close();
    emulator.close();
  }

  @Test
  void answersInAnthropicsMessageFormatWithTheTokensInBedrocksHeaders() {
    String prompt = "Hello there [emulator:tokens=5]";

    InvokeModelResponse response = invoke(body(prompt, ""));

    JsonNode message = read(response.body().asByteArray());
    assertThat(message.path("type").asText()).isEqualTo("message");
    assertThat(message.path("role").asText()).isEqualTo("assistant");
    assertThat(message.path("content").get(0).path("type").asText()).isEqualTo("text");
    assertThat(message.path("content").get(0).path("text").asText())
        .isEqualTo(EmulatedAnswer.text(prompt, 5));
    assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
    int input = EmulatedUsage.inputTokens(List.of(prompt));
    assertThat(message.path("usage").path("input_tokens").asInt()).isEqualTo(input);
    assertThat(message.path("usage").path("output_tokens").asInt()).isEqualTo(5);
    assertThat(header(response, "X-Amzn-Bedrock-Input-Token-Count")).isEqualTo("" + input);
    assertThat(header(response, "X-Amzn-Bedrock-Output-Token-Count")).isEqualTo("5");
  }

  @Test
  void streamsEachAnthropicEventInAChunkWithBedrocksCountsInTheLast() {
    String prompt = "Stream it [emulator:tokens=3]";

    List<JsonNode> events = stream(body(prompt, ""));

    assertThat(events.stream().map(event -> event.path("type").asText()))
        .containsExactly(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop");
    int input = EmulatedUsage.inputTokens(List.of(prompt));
    assertThat(events.getFirst().path("message").path("usage").path("input_tokens").asInt())
        .isEqualTo(input);
    assertThat(textOf(events, "text_delta", "text")).isEqualTo(EmulatedAnswer.text(prompt, 3));
    assertThat(events.get(6).path("usage").path("output_tokens").asInt()).isEqualTo(3);
    JsonNode metrics = events.getLast().path("amazon-bedrock-invocationMetrics");
    assertThat(metrics.path("inputTokenCount").asInt()).isEqualTo(input);
    assertThat(metrics.path("outputTokenCount").asInt()).isEqualTo(3);
    assertThat(metrics.has("invocationLatency")).isTrue();
    assertThat(metrics.has("firstByteLatency")).isTrue();
  }

  @Test
  void aToolCallStreamsItsInputAsJsonPieces() {
    String prompt = "What is the weather? [emulator:tool-use] [emulator:tokens=2]";

    List<JsonNode> events = stream(body(prompt, ",\"tools\":[" + WEATHER_TOOL + "]"));

    JsonNode toolStart =
        events.stream()
            .filter(event -> event.path("content_block").path("type").asText().equals("tool_use"))
            .findFirst()
            .orElseThrow();
    assertThat(toolStart.path("index").asInt()).isEqualTo(1);
    assertThat(toolStart.path("content_block").path("name").asText()).isEqualTo("get_weather");
    JsonNode input = read(textOf(events, "input_json_delta", "partial_json").getBytes());
    assertThat(input.path("days").asInt()).isEqualTo(42);
    assertThat(input.path("city").asText())
        .isEqualTo(EmulatedAnswer.tokens(prompt, 2).getFirst().strip());
    assertThat(events.get(events.size() - 2).path("delta").path("stop_reason").asText())
        .isEqualTo("tool_use");
  }

  @Test
  void extendedThinkingComesFirstWithItsSignature() {
    String thinking = ",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2000}";

    JsonNode message =
        read(invoke(body("Think first [emulator:tokens=2]", thinking)).body().asByteArray());
    List<JsonNode> events = stream(body("Think first [emulator:tokens=2]", thinking));

    JsonNode block = message.path("content").get(0);
    assertThat(block.path("type").asText()).isEqualTo("thinking");
    assertThat(block.path("thinking").asText()).isNotBlank();
    assertThat(block.path("signature").asText()).isNotBlank();
    assertThat(message.path("content").get(1).path("type").asText()).isEqualTo("text");
    assertThat(textOf(events, "thinking_delta", "thinking"))
        .isEqualTo(block.path("thinking").asText());
    assertThat(textOf(events, "signature_delta", "signature"))
        .isEqualTo(block.path("signature").asText());
    int thinkingTokens = EmulatedReasoning.THINKING_TOKENS;
    assertThat(message.path("usage").path("output_tokens").asInt()).isEqualTo(2 + thinkingTokens);
  }

  @Test
  void cacheControlWritesThePrefixOnceAndReadsItAfter() {
    String system = "You are a careful assistant who answers about rivers. " + System.nanoTime();
    String cached =
        ",\"system\":[{\"type\":\"text\",\"text\":\""
            + system
            + "\",\"cache_control\":{\"type\":\"ephemeral\"}}]";
    int systemTokens = EmulatedUsage.tokens(List.of(system));
    String prompt = "Which river? [emulator:tokens=2]";

    InvokeModelResponse first = invoke(body(prompt, cached));
    List<JsonNode> second = stream(body(prompt, cached));

    JsonNode written = read(first.body().asByteArray()).path("usage");
    assertThat(written.path("cache_creation_input_tokens").asInt()).isEqualTo(systemTokens);
    assertThat(written.path("cache_read_input_tokens").asInt()).isZero();
    assertThat(written.path("input_tokens").asInt())
        .isEqualTo(EmulatedUsage.inputTokens(List.of(system, prompt)) - systemTokens);
    assertThat(header(first, "X-Amzn-Bedrock-Cache-Write-Input-Token-Count"))
        .isEqualTo("" + systemTokens);
    JsonNode read = second.getFirst().path("message").path("usage");
    assertThat(read.path("cache_read_input_tokens").asInt()).isEqualTo(systemTokens);
    assertThat(read.path("cache_creation_input_tokens").asInt()).isZero();
    assertThat(
            second
                .getLast()
                .path("amazon-bedrock-invocationMetrics")
                .path("cacheReadInputTokenCount")
                .asInt())
        .isEqualTo(systemTokens);
  }

  @Test
  void countTokensCountsAClaudeBodyAsInvokeModelDoes() {
    String body = body("Count me, please", ",\"system\":\"Be brief.\"");

    int counted =
        client
            .countTokens(
                CountTokensRequest.builder()
                    .modelId(CLAUDE)
                    .input(
                        CountTokensInput.fromInvokeModel(
                            InvokeModelTokensRequest.builder()
                                .body(SdkBytes.fromUtf8String(body))
                                .build()))
                    .build())
            .join()
            .inputTokens();

    assertThat(counted)
        .isEqualTo(
            read(invoke(body).body().asByteArray()).path("usage").path("input_tokens").asInt());
    assertThat(counted)
        .isEqualTo(EmulatedUsage.inputTokens(List.of("Be brief.", "Count me, please")));
  }

  @Test
  void refusesUnknownTopLevelMembersInBedrocksWords() {
    String body =
        "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":10,\"stream\":true,"
            + "\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    assertThatThrownBy(() -> invoke(body))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "Malformed input request: #: extraneous key [stream] is not permitted#: extraneous key"
                + " [model] is not permitted, please reformat your input and try again.");
  }

  @Test
  void refusesABetaBedrockDoesNotAccept() {
    String body =
        body(
            "hi",
            ",\"anthropic_beta\":[\"interleaved-thinking-2025-05-14\",\"mcp-servers-2025-12-04\"]");

    assertThatThrownBy(() -> invoke(body))
        .hasCauseInstanceOf(ValidationException.class)
        .hasMessageContaining("invalid beta flag");
    assertThat(invoke(body("hi", ",\"anthropic_beta\":[\"interleaved-thinking-2025-05-14\"]")))
        .isNotNull();
  }

  @Test
  void refusesABodyWithoutItsRequiredMembers() {
    assertThatThrownBy(
            () -> invoke("{\"anthropic_version\":\"bedrock-2023-05-31\",\"messages\":[]}"))
        .hasCauseInstanceOf(ValidationException.class)
        .hasMessageContaining("#: required key [max_tokens] not found");
    assertThatThrownBy(
            () ->
                invoke("{\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
        .hasMessageContaining("#: required key [anthropic_version] not found");
  }

  private static String body(String prompt, String moreMembers) {
    return "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":200,"
        + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\""
        + prompt
        + "\"}]}]"
        + moreMembers
        + "}";
  }

  private static InvokeModelResponse invoke(String body) {
    return client
        .invokeModel(
            InvokeModelRequest.builder()
                .modelId(CLAUDE)
                .contentType("application/json")
                .accept("application/json")
                .body(SdkBytes.fromUtf8String(body))
                .build())
        .join();
  }

  private static List<JsonNode> stream(String body) {
    List<JsonNode> events = new ArrayList<>();
    client
        .invokeModelWithResponseStream(
            InvokeModelWithResponseStreamRequest.builder()
                .modelId(CLAUDE)
                .contentType("application/json")
                .body(SdkBytes.fromUtf8String(body))
                .build(),
            InvokeModelWithResponseStreamResponseHandler.builder()
                .subscriber(
                    InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                        .onChunk(part -> events.add(read(part.bytes().asByteArray())))
                        .build())
                .build())
        .join();
    return events;
  }

  /** The joined pieces of one kind of delta, e.g. every text_delta's text. */
  private static String textOf(List<JsonNode> events, String deltaType, String field) {
    StringBuilder text = new StringBuilder();
    events.stream()
        .filter(event -> event.path("delta").path("type").asText().equals(deltaType))
        .forEach(event -> text.append(event.path("delta").path(field).asText()));
    return text.toString();
  }

  private static String header(InvokeModelResponse response, String name) {
    return response.sdkHttpResponse().firstMatchingHeader(name).orElseThrow();
  }

  private static JsonNode read(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException malformed) {
      throw new UncheckedIOException(malformed);
    }
  }
}
