package io.bedrockgateway.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.UpstreamRejected;
import io.bedrockgateway.domain.invoke.InvocationBody;
import io.bedrockgateway.domain.invoke.InvocationChunk;
import io.bedrockgateway.domain.invoke.InvocationResponse;
import io.bedrockgateway.domain.invoke.InvocationStreamSink;
import io.bedrockgateway.domain.invoke.InvocationSummary;
import io.bedrockgateway.domain.invoke.StreamUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link RawInvoker} must do; each implementation runs it against itself. */
public abstract class RawInvokerContract {

  /** The invoker under test. */
  protected abstract RawInvoker invoker();

  /** A route to a model the invoker answers (for Bedrock, a Claude model). */
  protected abstract ModelRoute route();

  /** A body the model answers with at least two chunks of output, asking it {@code prompt}. */
  protected abstract InvocationBody body(String prompt);

  /** A body the model refuses as malformed. */
  protected abstract InvocationBody refusedBody();

  @Test
  void answersWholeWithTheModelThatServedAndItsUsage() {
    InvocationResponse response = invoker().invoke(route(), body("Hello there"));

    assertThat(response.body()).isNotEmpty();
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.servedModel()).isEqualTo(route().primaryModel());
    assertThat(response.usage())
        .hasValueSatisfying(
            usage -> {
              assertThat(usage.inputTokens()).isPositive();
              assertThat(usage.outputTokens()).isPositive();
            });
  }

  @Test
  void streamsTheChunksAfterNamingTheModelAndEndsWithTheCompleteUsage() {
    List<Object> received = new ArrayList<>();
    InvocationStreamSink sink =
        new InvocationStreamSink() {
          @Override
          public void accept(InvocationChunk chunk) {
            received.add(chunk);
          }

          @Override
          public void serving(ModelId model) {
            received.add(model);
          }
        };

    InvocationSummary summary = invoker().invokeStream(route(), body("Stream to me"), sink);

    assertThat(received.getFirst()).isEqualTo(route().primaryModel());
    List<InvocationChunk> chunks =
        received.subList(1, received.size()).stream().map(InvocationChunk.class::cast).toList();
    assertThat(chunks).hasSizeGreaterThan(2);
    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.bytes()).isNotEmpty());
    assertThat(chunks.stream().map(InvocationChunk::output).filter(text -> !text.isEmpty()))
        .hasSizeGreaterThanOrEqualTo(2);
    Optional<StreamUsage> last =
        chunks.stream()
            .map(InvocationChunk::usage)
            .flatMap(Optional::stream)
            .reduce((first, second) -> second);
    assertThat(last).hasValueSatisfying(usage -> assertThat(usage.complete()).isTrue());
    assertThat(summary.servedModel()).isEqualTo(route().primaryModel());
    assertThat(summary.usage()).isEqualTo(last);
  }

  @Test
  void theStreamsUsageMatchesTheWholeAnswersForTheSameBody() {
    InvocationBody body = body("Same question twice");

    TokenUsage whole = invoker().invoke(route(), body).usage().orElseThrow();
    TokenUsage streamed =
        invoker().invokeStream(route(), body, chunk -> {}).usage().orElseThrow().tokens();

    assertThat(
            streamed.inputTokens()
                + streamed.cacheReadInputTokens()
                + streamed.cacheWriteInputTokens())
        .isEqualTo(
            whole.inputTokens() + whole.cacheReadInputTokens() + whole.cacheWriteInputTokens());
    assertThat(streamed.outputTokens()).isEqualTo(whole.outputTokens());
  }

  @Test
  void aSinkThatThrowsStopsTheStreamAndItsExceptionPropagates() {
    List<InvocationChunk> received = new ArrayList<>();

    assertThatThrownBy(
            () ->
                invoker()
                    .invokeStream(
                        route(),
                        body("Leave early"),
                        chunk -> {
                          received.add(chunk);
                          if (received.size() == 2) {
                            throw new ClientCancelled(new InterruptedException("gone"));
                          }
                        }))
        .isInstanceOf(ClientCancelled.class);
    assertThat(received).hasSize(2);
  }

  @Test
  void countsThePromptAsTheModelCountsItWhenAnswering() {
    InvocationBody body = body("Count these words");

    long counted = invoker().countTokens(route(), body);

    TokenUsage usage = invoker().invoke(route(), body).usage().orElseThrow();
    assertThat(counted)
        .isEqualTo(
            usage.inputTokens() + usage.cacheReadInputTokens() + usage.cacheWriteInputTokens());
  }

  @Test
  void aBodyTheModelRefusesIsRejectedWithTheModelsMessage() {
    assertThatThrownBy(() -> invoker().invoke(route(), refusedBody()))
        .isInstanceOf(UpstreamRejected.class)
        .hasMessageContaining("Malformed input request");
    assertThatThrownBy(() -> invoker().invokeStream(route(), refusedBody(), chunk -> {}))
        .isInstanceOf(UpstreamRejected.class);
  }
}
