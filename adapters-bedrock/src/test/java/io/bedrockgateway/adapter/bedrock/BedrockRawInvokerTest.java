package io.bedrockgateway.adapter.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.application.port.out.RawInvoker;
import io.bedrockgateway.application.port.out.RawInvokerContract;
import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.catalog.ModelTarget;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.UpstreamFailed;
import io.bedrockgateway.domain.error.UpstreamThrottled;
import io.bedrockgateway.domain.invoke.InvocationBody;
import io.bedrockgateway.domain.invoke.InvocationChunk;
import io.bedrockgateway.domain.invoke.InvocationResponse;
import io.bedrockgateway.domain.invoke.InvocationSummary;
import io.bedrockgateway.domain.invoke.StreamUsage;
import io.bedrockgateway.emulator.EmulatedAnswer;
import io.bedrockgateway.emulator.EmulatedUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The raw-invocation port over the real SDK against the emulator's Claude models. */
class BedrockRawInvokerTest extends RawInvokerContract {
  private static final RecordingUpstream UPSTREAM = new RecordingUpstream();
  private static final ModelId CLAUDE = new ModelId("anthropic.claude-3-haiku-20240307-v1:0");
  private static final ModelId OTHER_CLAUDE =
      new ModelId("anthropic.claude-3-sonnet-20240229-v1:0");

  /** Claude, falling back to another Claude model. */
  private static final ModelRoute CHAIN =
      new ModelRoute(
          CLAUDE,
          List.of(
              new ModelTarget(CLAUDE, Optional.empty()),
              new ModelTarget(OTHER_CLAUDE, Optional.empty())));

  @RegisterExtension static final EmulatedBedrock BEDROCK = new EmulatedBedrock(UPSTREAM);

  @Override
  protected RawInvoker invoker() {
    return BEDROCK.invoker().raw();
  }

  @Override
  protected ModelRoute route() {
    return ModelRoute.direct(CLAUDE);
  }

  @Override
  protected InvocationBody body(String prompt) {
    return claude(prompt, "");
  }

  @Override
  protected InvocationBody refusedBody() {
    return InvocationBody.of(
        "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":5,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
            .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void passesTheBodyAndTheAnswerThroughUnchanged() {
    InvocationBody body = claude("Tell me about stone [emulator:tokens=4]", "");

    InvocationResponse response = invoker().invoke(route(), body);

    assertThat(BEDROCK.emulator().recordedRequests().getLast().body())
        .isEqualTo(new String(body.bytes(), StandardCharsets.UTF_8));
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .contains(
            "\"text\":\""
                + EmulatedAnswer.text("Tell me about stone [emulator:tokens=4]", 4)
                + "\"");
  }

  @Test
  void readsTheCacheTokensOfAWholeAnswerAndOfAStream() {
    String system = "You know every river of the north. " + System.nanoTime();
    String cached =
        ",\"system\":[{\"type\":\"text\",\"text\":\""
            + system
            + "\",\"cache_control\":{\"type\":\"ephemeral\"}}]";
    String prompt = "Which river? [emulator:tokens=2]";
    long systemTokens = EmulatedUsage.inputTokens(List.of(system));
    long uncached = EmulatedUsage.inputTokens(List.of(system, prompt)) - systemTokens;

    TokenUsage written = invoker().invoke(route(), claude(prompt, cached)).usage().orElseThrow();
    List<InvocationChunk> chunks = new ArrayList<>();
    InvocationSummary read = invoker().invokeStream(route(), claude(prompt, cached), chunks::add);

    assertThat(written).isEqualTo(new TokenUsage(uncached, 2, 0, systemTokens));
    assertThat(chunks.getFirst().usage())
        .contains(new StreamUsage(new TokenUsage(uncached, 1, systemTokens, 0), false));
    assertThat(read.usage())
        .contains(new StreamUsage(new TokenUsage(uncached, 2, systemTokens, 0), true));
  }

  @Test
  void readsTheOutputOfTextThinkingAndToolInputChunks() {
    String tools =
        ",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024},\"tools\":[{\"name\":\"find\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}}]";
    String prompt = "Find it [emulator:tool-use] [emulator:tokens=3]";
    List<InvocationChunk> chunks = new ArrayList<>();

    invoker().invokeStream(route(), claude(prompt, tools), chunks::add);

    String output = String.join("", chunks.stream().map(InvocationChunk::output).toList());
    assertThat(output).contains(EmulatedAnswer.text(prompt, 3));
    assertThat(output).contains("{\"q\":\"");
    assertThat(chunks.stream().map(InvocationChunk::output).filter(text -> !text.isEmpty()))
        .hasSizeGreaterThan(3 + 2);
  }

  @Test
  void aThrottledTargetHandsTheCallToTheNextBeforeTheFirstChunk() {
    UPSTREAM.clear();
    String prompt =
        "Fall back [emulator:throttle] [emulator:fault-model="
            + CLAUDE.value()
            + "] [emulator:tokens=2]";

    List<InvocationChunk> chunks = new ArrayList<>();
    InvocationSummary summary = invoker().invokeStream(CHAIN, claude(prompt, ""), chunks::add);

    assertThat(summary.servedModel()).isEqualTo(OTHER_CLAUDE);
    assertThat(UPSTREAM.fallbacks).containsExactly(CLAUDE.value() + " -> " + OTHER_CLAUDE.value());
    assertThat(invoker().invoke(CHAIN, claude(prompt, "")).servedModel()).isEqualTo(OTHER_CLAUDE);
  }

  @Test
  void aFailureAfterTheFirstChunkIsNeverRetriedOrHandedOn() {
    UPSTREAM.clear();
    List<InvocationChunk> chunks = new ArrayList<>();

    assertThatThrownBy(
            () ->
                invoker()
                    .invokeStream(
                        CHAIN,
                        claude(
                            "Break [emulator:fail-after=2] [emulator:fail-type=throttlingException]",
                            ""),
                        chunks::add))
        .isInstanceOf(UpstreamThrottled.class);
    assertThat(UPSTREAM.fallbacks).isEmpty();
    assertThat(chunks).isNotEmpty();
  }

  @Test
  void aStreamCutMidwayFailsAfterTheChunksItSent() {
    List<InvocationChunk> chunks = new ArrayList<>();

    assertThatThrownBy(
            () ->
                invoker()
                    .invokeStream(route(), claude("Cut [emulator:fail-after=1]", ""), chunks::add))
        .isInstanceOf(UpstreamFailed.class);
    assertThat(chunks.getFirst().usage()).isPresent();
    assertThat(chunks.getFirst().usage().get().complete()).isFalse();
  }

  private static InvocationBody claude(String prompt, String moreMembers) {
    return InvocationBody.of(
        ("{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":200,"
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\""
                + prompt
                + "\"}]}]"
                + moreMembers
                + "}")
            .getBytes(StandardCharsets.UTF_8));
  }
}
