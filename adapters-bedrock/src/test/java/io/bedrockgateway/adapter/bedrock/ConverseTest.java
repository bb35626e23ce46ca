package io.bedrockgateway.adapter.bedrock;

import static io.bedrockgateway.adapter.bedrock.TestRequests.NOVA_LITE;
import static io.bedrockgateway.adapter.bedrock.TestRequests.NOVA_ROUTE;
import static io.bedrockgateway.adapter.bedrock.TestRequests.ask;
import static io.bedrockgateway.adapter.bedrock.TestRequests.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.UpstreamTimeout;
import io.bedrockgateway.emulator.EmulatedAnswer;
import io.bedrockgateway.emulator.EmulatedUsage;
import io.bedrockgateway.emulator.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConverseTest {
  private static final RecordingUpstream UPSTREAM = new RecordingUpstream();

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final EmulatedBedrock BEDROCK = new EmulatedBedrock(UPSTREAM);

  @Test
  void countsThePromptOfAClaudeModelWithCountTokensAndNoOtherModel() {
    ModelId claude = new ModelId("us.anthropic.claude-haiku-4-5-20251001-v1:0");
    String prompt = "How many tokens is this prompt?";

    assertThat(BEDROCK.invoker().inputTokens(claude, ask(claude, prompt)))
        .hasValue(EmulatedUsage.inputTokens(List.of(prompt)));
    assertThat(BEDROCK.emulator().recordedRequests())
        .singleElement()
        .satisfies(request -> assertThat(request.modelId()).isEqualTo(claude.baseModelId()));
    assertThat(BEDROCK.invoker().inputTokens(NOVA_LITE, ask(prompt))).isEmpty();
    assertThat(BEDROCK.emulator().recordedRequests()).hasSize(1);
  }

  @Test
  void countsAConversationOnRequestAlongItsRoute() {
    ModelId claude = new ModelId("us.anthropic.claude-haiku-4-5-20251001-v1:0");
    String prompt = "Count the tokens of this conversation";

    assertThat(BEDROCK.invoker().countTokens(ModelRoute.direct(claude), ask(claude, prompt)))
        .isEqualTo(EmulatedUsage.inputTokens(List.of(prompt)));
    assertThat(BEDROCK.emulator().recordedRequests().getLast().modelId())
        .isEqualTo(claude.baseModelId());
  }

  @Test
  void returnsTheAnswerTextAndUsage() {
    String prompt = "What is a river? [emulator:tokens=7]";

    ChatResponse response = BEDROCK.invoker().converse(NOVA_ROUTE, ask(prompt));

    assertThat(response.message().role()).isEqualTo(Role.ASSISTANT);
    assertThat(response.message().content())
        .containsExactly(new TextBlock(EmulatedAnswer.text(prompt, 7)));
    assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
    assertThat(response.usage())
        .isEqualTo(new TokenUsage(EmulatedUsage.inputTokens(List.of(prompt)), 7));
    assertThat(response.servedModel()).isEqualTo(NOVA_LITE);
  }

  @Test
  void signsWithStaticCredentialsWhenTheSettingsCarryThem() {
    try (BedrockModelInvoker withStaticKeys =
        BedrockModelInvoker.create(
            settings(BEDROCK.emulator().endpoint())
                .withStaticCredentials("AKIDSTATIC", "static-secret"),
            UPSTREAM)) {
      withStaticKeys.converse(NOVA_ROUTE, ask("Hello"));
    }

    RecordedRequest sent = BEDROCK.emulator().recordedRequests().getLast();
    assertThat(sent.header("Authorization"))
        .hasValueSatisfying(
            authorization ->
                assertThat(authorization)
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDSTATIC/")
                    .doesNotContain("static-secret"));
  }

  @Test
  void sendsPlainTextAsTextBlocksAndLeavesOutWhatTheRequestDoesNotSet() throws Exception {
    BEDROCK.invoker().converse(NOVA_ROUTE, ask("Hello"));

    JsonNode body = lastRequestBody();
    assertThat(body.get("messages"))
        .isEqualTo(JSON.readTree("[{\"role\":\"user\",\"content\":[{\"text\":\"Hello\"}]}]"));
    assertThat(body.has("inferenceConfig")).isFalse();
    assertThat(body.has("system")).isFalse();
    assertThat(body.has("toolConfig")).isFalse();
  }

  @Test
  void sendsSystemPromptsAsBlocksAndTheInferenceParametersThatAreSet() throws Exception {
    ChatRequest request =
        new ChatRequest(
            Optional.of(NOVA_LITE),
            List.of(
                ChatMessage.text(Role.USER, "Hi"),
                ChatMessage.text(Role.ASSISTANT, "Hello!"),
                ChatMessage.text(Role.USER, "Name a colour.")),
            List.of(new TextBlock("Be brief."), new TextBlock("Answer in English.")),
            new InferenceParameters(
                Optional.of(50), Optional.of(0.5), Optional.empty(), List.of()));

    ChatResponse response = BEDROCK.invoker().converse(NOVA_ROUTE, request);

    JsonNode body = lastRequestBody();
    assertThat(body.get("system"))
        .isEqualTo(JSON.readTree("[{\"text\":\"Be brief.\"},{\"text\":\"Answer in English.\"}]"));
    assertThat(body.get("messages")).hasSize(3);
    assertThat(body.get("messages").get(1).get("role").asText()).isEqualTo("assistant");
    assertThat(body.get("inferenceConfig"))
        .isEqualTo(JSON.readTree("{\"maxTokens\":50,\"temperature\":0.5}"));
    assertThat(body.has("toolConfig")).isFalse();
    assertThat(response.message().content())
        .containsExactly(new TextBlock(EmulatedAnswer.text("Name a colour.")));
  }

  @Test
  void sendsStopSequencesAndReportsAnAnswerCutByMaxTokens() throws Exception {
    ChatRequest request =
        new ChatRequest(
            Optional.of(NOVA_LITE),
            List.of(ChatMessage.text(Role.USER, "Count")),
            List.of(),
            new InferenceParameters(
                Optional.of(3), Optional.empty(), Optional.of(0.9), List.of("STOP")));

    ChatResponse response = BEDROCK.invoker().converse(NOVA_ROUTE, request);

    assertThat(lastRequestBody().get("inferenceConfig"))
        .isEqualTo(JSON.readTree("{\"maxTokens\":3,\"topP\":0.9,\"stopSequences\":[\"STOP\"]}"));
    assertThat(response.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
    assertThat(response.usage().outputTokens()).isEqualTo(3);
  }

  @Test
  void aSlowAnswerTimesOutAfterTheRequestTimeout() {
    BedrockSettings impatient =
        new BedrockSettings(
            Optional.of(BEDROCK.emulator().endpoint()),
            "us-east-1",
            BedrockSettings.DEFAULT_CONNECT_TIMEOUT,
            BedrockSettings.DEFAULT_STREAM_IDLE_TIMEOUT,
            Duration.ofMillis(300),
            BedrockSettings.DEFAULT_MAX_CONCURRENCY);
    try (BedrockModelInvoker slowToAnswer = BedrockModelInvoker.create(impatient, UPSTREAM)) {

      assertThatThrownBy(() -> slowToAnswer.converse(NOVA_ROUTE, ask("[emulator:ttft-ms=3000]")))
          .isInstanceOf(UpstreamTimeout.class)
          .hasMessageContaining("300 ms");
    }
  }

  private static JsonNode lastRequestBody() throws Exception {
    List<RecordedRequest> requests = BEDROCK.emulator().recordedRequests();
    assertThat(requests).hasSize(1);
    return JSON.readTree(requests.getFirst().body());
  }
}
