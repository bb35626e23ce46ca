package io.bedrockgateway.adapter.bedrock;

import static io.bedrockgateway.adapter.bedrock.TestRequests.INFERENCE_PROFILE_ARN;
import static io.bedrockgateway.adapter.bedrock.TestRequests.NOVA_LITE;
import static io.bedrockgateway.adapter.bedrock.TestRequests.NOVA_ROUTE;
import static io.bedrockgateway.adapter.bedrock.TestRequests.ask;
import static io.bedrockgateway.adapter.bedrock.TestRequests.deltas;
import static io.bedrockgateway.adapter.bedrock.TestRequests.settings;
import static io.bedrockgateway.adapter.bedrock.TestRequests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ChatStreamEvent.ContentBlockStop;
import io.bedrockgateway.domain.chat.ChatStreamEvent.MessageStart;
import io.bedrockgateway.domain.chat.ChatStreamEvent.MessageStop;
import io.bedrockgateway.domain.chat.ChatStreamEvent.Metadata;
import io.bedrockgateway.domain.chat.ChatStreamEvent.TextDelta;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.UpstreamThrottled;
import io.bedrockgateway.domain.error.UpstreamTimeout;
import io.bedrockgateway.emulator.EmulatedAnswer;
import io.bedrockgateway.emulator.EmulatedUsage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConverseStreamTest {
  private static final RecordingUpstream UPSTREAM = new RecordingUpstream();

  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  @RegisterExtension static final EmulatedBedrock BEDROCK = new EmulatedBedrock(UPSTREAM);

  private final List<ChatStreamEvent> received = new CopyOnWriteArrayList<>();

  @Test
  void deliversTheEventsInOrderAndSumsUpTheStream() {
    String prompt = "Tell me about light. [emulator:tokens=5]";

    StreamSummary summary =
        BEDROCK.invoker().converseStream(NOVA_ROUTE, ask(prompt), received::add);

    List<String> tokens = EmulatedAnswer.tokens(prompt, 5);
    TokenUsage usage = new TokenUsage(EmulatedUsage.inputTokens(List.of(prompt)), 5);
    assertThat(received.subList(0, 6))
        .containsExactly(
            new MessageStart(Role.ASSISTANT),
            new TextDelta(0, tokens.get(0)),
            new TextDelta(0, tokens.get(1)),
            new TextDelta(0, tokens.get(2)),
            new TextDelta(0, tokens.get(3)),
            new TextDelta(0, tokens.get(4)));
    assertThat(received.subList(6, 8))
        .containsExactly(new ContentBlockStop(0), new MessageStop(StopReason.END_TURN));
    assertThat(received).hasSize(9).last().isInstanceOf(Metadata.class);
    Metadata metadata = (Metadata) received.getLast();
    assertThat(metadata.usage()).isEqualTo(usage);
    assertThat(summary)
        .isEqualTo(new StreamSummary(StopReason.END_TURN, usage, metadata.latencyMs(), NOVA_LITE));
  }

  @Test
  void streamsTheEmulatorsDeterministicAnswer() {
    String prompt = "Describe the sea at night.";

    BEDROCK.invoker().converseStream(NOVA_ROUTE, ask(prompt), received::add);

    assertThat(text(received)).isEqualTo(EmulatedAnswer.text(prompt));
  }

  @Test
  void acceptsAnInferenceProfileArnAsModelId() {
    StreamSummary summary =
        BEDROCK
            .invoker()
            .converseStream(
                ModelRoute.direct(INFERENCE_PROFILE_ARN),
                ask(INFERENCE_PROFILE_ARN, "Hello"),
                received::add);

    assertThat(summary.servedModel()).isEqualTo(INFERENCE_PROFILE_ARN);
    assertThat(text(received)).isEqualTo(EmulatedAnswer.text("Hello"));
    assertThat(BEDROCK.emulator().recordedRequests().getFirst().modelId())
        .isEqualTo(INFERENCE_PROFILE_ARN.value());
  }

  @Test
  void anExceptionFrameAfterSomeTextIsNotRetriedSoNoTextIsRepeated() {
    String prompt = "[emulator:fail-after=3] [emulator:fail-type=throttlingException]";

    assertThatThrownBy(
            () -> BEDROCK.invoker().converseStream(NOVA_ROUTE, ask(prompt), received::add))
        .isInstanceOf(UpstreamThrottled.class);

    assertThat(deltas(received))
        .extracting(TextDelta::text)
        .containsExactlyElementsOf(EmulatedAnswer.tokens(prompt, 3));
    assertThat(BEDROCK.emulator().recordedRequests()).hasSize(1);
  }

  @Test
  void anExceptionFrameIsReportedAsItselfEveryTime() {
    // The SDK also reports its own cancellation of the connection, at times before the frame.
    for (int attempt = 0; attempt < 30; attempt++) {
      String prompt =
          "[emulator:fail-after=" + attempt % 3 + "] [emulator:fail-type=throttlingException]";

      assertThatThrownBy(
              () -> BEDROCK.invoker().converseStream(NOVA_ROUTE, ask(prompt), event -> {}))
          .isInstanceOf(UpstreamThrottled.class);
    }
  }

  @Test
  void aStalledStreamTimesOutAfterTheIdleTimeout() {
    try (BedrockModelInvoker impatient =
        BedrockModelInvoker.create(
            settings(
                BEDROCK.emulator().endpoint(),
                Duration.ofMillis(300),
                BedrockSettings.DEFAULT_MAX_CONCURRENCY),
            UPSTREAM)) {

      assertTimeoutPreemptively(
          PROMPTLY,
          () ->
              assertThatThrownBy(
                      () ->
                          impatient.converseStream(
                              NOVA_ROUTE, ask("[emulator:stall-after=2]"), received::add))
                  .isInstanceOf(UpstreamTimeout.class));
    }
    assertThat(deltas(received)).hasSize(2);
  }

  @Test
  void aClientThatLeavesAfterTheModelFinishedStillHandsTheUsageToTheSink() {
    String prompt = "[emulator:language=ja] [emulator:tokens=12]";
    ClientCancelled clientWentAway = new ClientCancelled(null);

    assertThatThrownBy(
            () ->
                BEDROCK
                    .invoker()
                    .converseStream(
                        NOVA_ROUTE,
                        ask(prompt),
                        event -> {
                          received.add(event);
                          if (event instanceof MessageStop) {
                            throw clientWentAway;
                          }
                        }))
        .isSameAs(clientWentAway);

    assertThat(text(received))
        .isEqualTo(String.join("", EmulatedAnswer.japaneseTokens(prompt, 12)));
    assertThat(received.getLast())
        .isInstanceOfSatisfying(
            Metadata.class,
            metadata ->
                assertThat(metadata.usage())
                    .isEqualTo(new TokenUsage(EmulatedUsage.inputTokens(List.of(prompt)), 12)));
  }

  @Test
  void aClientThatLeavesMidAnswerGetsNoMoreEvents() {
    ClientCancelled clientWentAway = new ClientCancelled(null);

    assertThatThrownBy(
            () ->
                BEDROCK
                    .invoker()
                    .converseStream(
                        NOVA_ROUTE,
                        ask("[emulator:tokens=6]"),
                        event -> {
                          received.add(event);
                          if (event instanceof ContentBlockStop) {
                            throw clientWentAway;
                          }
                        }))
        .isSameAs(clientWentAway);

    assertThat(received.getLast()).isInstanceOf(ContentBlockStop.class);
  }

  @Test
  void aSinkThatThrowsCancelsTheUpstreamCallAndTheExceptionPropagates() {
    ClientCancelled clientWentAway = new ClientCancelled(null);
    try (BedrockModelInvoker oneConnection =
        BedrockModelInvoker.create(
            settings(BEDROCK.emulator().endpoint(), BedrockSettings.DEFAULT_STREAM_IDLE_TIMEOUT, 1),
            UPSTREAM)) {

      assertTimeoutPreemptively(
          PROMPTLY,
          () ->
              assertThatThrownBy(
                      () ->
                          oneConnection.converseStream(
                              NOVA_ROUTE,
                              ask("[emulator:tokens=100] [emulator:token-delay-ms=100]"),
                              event -> {
                                received.add(event);
                                if (deltas(received).size() == 2) {
                                  throw clientWentAway;
                                }
                              }))
                  .isSameAs(clientWentAway));
      assertThat(deltas(received)).hasSize(2);

      // The abandoned stream would hold the only connection for another ten seconds.
      assertTimeoutPreemptively(
          PROMPTLY,
          () -> oneConnection.converseStream(NOVA_ROUTE, ask("Still there?"), event -> {}));
    }
  }

  @Test
  void anInterruptedCallerCancelsTheStream() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    CountDownLatch firstDelta = new CountDownLatch(1);
    Thread caller =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    BEDROCK
                        .invoker()
                        .converseStream(
                            NOVA_ROUTE,
                            ask("[emulator:tokens=100] [emulator:token-delay-ms=100]"),
                            event -> {
                              if (event instanceof TextDelta) {
                                firstDelta.countDown();
                              }
                            });
                  } catch (RuntimeException e) {
                    thrown.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                  }
                });

    // Only a hang guard: the emulator sends a delta every 100 ms.
    assertThat(firstDelta.await(30, TimeUnit.SECONDS))
        .as("a first delta reached the caller")
        .isTrue();
    caller.interrupt();
    caller.join(PROMPTLY);

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(ClientCancelled.class);
    assertThat(stillInterrupted.get()).isTrue();
  }
}
