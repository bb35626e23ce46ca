package io.bedrockgateway.adapter.bedrock;

import static io.bedrockgateway.adapter.bedrock.TestRequests.NOVA_LITE;
import static io.bedrockgateway.adapter.bedrock.TestRequests.NOVA_ROUTE;
import static io.bedrockgateway.adapter.bedrock.TestRequests.ask;
import static io.bedrockgateway.adapter.bedrock.TestRequests.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.error.UnknownModel;
import io.bedrockgateway.domain.error.UpstreamFailed;
import io.bedrockgateway.domain.error.UpstreamRejected;
import io.bedrockgateway.domain.error.UpstreamThrottled;
import io.bedrockgateway.domain.error.UpstreamTimeout;
import io.bedrockgateway.domain.error.UpstreamUnavailable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorTranslationTest {
  private static final RecordingUpstream UPSTREAM = new RecordingUpstream();

  /** Both operations must translate alike. */
  enum Operation {
    CONVERSE((invoker, request) -> invoker.converse(NOVA_ROUTE, request)),
    CONVERSE_STREAM((invoker, request) -> invoker.converseStream(NOVA_ROUTE, request, event -> {}));

    private final BiConsumer<BedrockModelInvoker, ChatRequest> call;

    Operation(BiConsumer<BedrockModelInvoker, ChatRequest> call) {
      this.call = call;
    }

    Throwable failureOf(BedrockModelInvoker invoker, ChatRequest request) {
      return catchThrowable(() -> call.accept(invoker, request));
    }
  }

  @RegisterExtension static final EmulatedBedrock BEDROCK = new EmulatedBedrock(UPSTREAM);

  /** The invoker, and so the observer, is the class's: each test starts with nothing reported. */
  @BeforeEach
  void forgetWhatEarlierTestsReported() {
    UPSTREAM.clear();
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void throttlingBecomesUpstreamThrottledWithARetryDelay(Operation operation) {
    Throwable failure = operation.failureOf(BEDROCK.invoker(), ask("[emulator:throttle]"));

    assertThat(failure).isInstanceOf(UpstreamThrottled.class).hasNoCause();
    assertThat(((UpstreamThrottled) failure).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    // one attempt (TestRequests.ONE_ATTEMPT), reported once
    assertThat(UPSTREAM.failedAttempts).containsExactly(((UpstreamThrottled) failure).kind());
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void internalServerErrorBecomesUpstreamFailed(Operation operation) {
    assertThat(operation.failureOf(BEDROCK.invoker(), ask("[emulator:error=500]")))
        .isInstanceOf(UpstreamFailed.class)
        .hasNoCause();
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void serviceUnavailableBecomesUpstreamUnavailable(Operation operation) {
    assertThat(operation.failureOf(BEDROCK.invoker(), ask("[emulator:unavailable]")))
        .isInstanceOf(UpstreamUnavailable.class);
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void modelTimeoutBecomesUpstreamTimeout(Operation operation) {
    assertThat(operation.failureOf(BEDROCK.invoker(), ask("[emulator:model-timeout]")))
        .isInstanceOf(UpstreamTimeout.class);
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void aModelErrorBecomesUpstreamFailed(Operation operation) {
    assertThat(operation.failureOf(BEDROCK.invoker(), ask("[emulator:error=424]")))
        .isInstanceOf(UpstreamFailed.class);
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void validationErrorsBecomeUpstreamRejectedWithBedrocksMessage(Operation operation) {
    ChatRequest startsWithAssistant =
        new ChatRequest(
            Optional.of(NOVA_LITE),
            List.of(ChatMessage.text(Role.ASSISTANT, "I speak first.")),
            List.of(),
            InferenceParameters.DEFAULTS);

    assertThat(operation.failureOf(BEDROCK.invoker(), startsWithAssistant))
        .isInstanceOf(UpstreamRejected.class)
        .hasMessageStartingWith("A conversation must start with a user message.");
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void anUnknownModelBecomesUnknownModelNamingTheModel(Operation operation) {
    assertThat(operation.failureOf(BEDROCK.invoker(), ask("[emulator:error=404]")))
        .isInstanceOf(UnknownModel.class)
        .hasMessageContaining(NOVA_LITE.value());
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void aModelNotReadyBecomesUpstreamUnavailable(Operation operation) {
    assertThat(
            operation.failureOf(BEDROCK.invoker(), ask("[emulator:error=ModelNotReadyException]")))
        .isInstanceOf(UpstreamUnavailable.class);
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void anExhaustedServiceQuotaBecomesUpstreamThrottled(Operation operation) {
    assertThat(
            operation.failureOf(
                BEDROCK.invoker(), ask("[emulator:error=ServiceQuotaExceededException]")))
        .isInstanceOf(UpstreamThrottled.class);
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void aBareIdOfAProfileOnlyModelIsRejectedWithBedrocksOnDemandMessage(Operation operation) {
    ChatRequest request = ask("Hello");
    ModelRoute bare = ModelRoute.direct(new ModelId("anthropic.claude-sonnet-4-5-20250929-v1:0"));

    Throwable failure =
        catchThrowable(
            () -> {
              if (operation == Operation.CONVERSE) {
                BEDROCK.invoker().converse(bare, request);
              } else {
                BEDROCK.invoker().converseStream(bare, request, event -> {});
              }
            });

    assertThat(failure)
        .isInstanceOf(UpstreamRejected.class)
        .hasMessageContaining("with on-demand throughput isn\u2019t supported");
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void accessDeniedTellsTheOperatorWhatPermissionIsMissing(Operation operation) {
    assertThat(operation.failureOf(BEDROCK.invoker(), ask("[emulator:error=403]")))
        .isInstanceOf(UpstreamFailed.class)
        .hasMessageContaining("bedrock:InvokeModel")
        .hasMessageContaining(NOVA_LITE.value());
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void aRefusedConnectionBecomesUpstreamUnavailable(Operation operation) throws IOException {
    try (BedrockModelInvoker nobodyListening =
        BedrockModelInvoker.create(settings(closedPort()), UPSTREAM)) {

      assertThat(operation.failureOf(nobodyListening, ask("Hello")))
          .isInstanceOf(UpstreamUnavailable.class)
          .hasNoCause();
    }
  }

  /**
   * A connection that closes before any answer (a pooled one the server had just closed) is a
   * broken connection, not the model's failure: tried again, and the call succeeds.
   */
  @ParameterizedTest
  @EnumSource(Operation.class)
  void aConnectionClosedBeforeAnyAnswerIsTriedAgain(Operation operation) throws IOException {
    Resilience twoAttempts =
        new Resilience(
            2,
            Duration.ofMillis(10),
            Duration.ofMillis(10),
            Duration.ofSeconds(10),
            50,
            100_000,
            Duration.ofSeconds(1));
    try (DroppingRelay relay = new DroppingRelay(BEDROCK.emulator().endpoint(), 1);
        BedrockModelInvoker afterADroppedConnection =
            BedrockModelInvoker.create(
                settings(relay.endpoint()).withResilience(twoAttempts), UPSTREAM)) {

      assertThat(operation.failureOf(afterADroppedConnection, ask("Hello"))).isNull();
      assertThat(relay.droppedSoFar()).isEqualTo(1);
      assertThat(UPSTREAM.failedAttempts).containsExactly("upstream_unavailable");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "throttlingException, UpstreamThrottled",
    "internalServerException, UpstreamFailed",
    "modelStreamErrorException, UpstreamFailed",
    "serviceUnavailableException, UpstreamUnavailable",
    "validationException, UpstreamRejected"
  })
  void exceptionFramesInTheStreamAreTranslatedToo(String exceptionType, String expectedKind) {
    String prompt = "[emulator:fail-after=1] [emulator:fail-type=" + exceptionType + "]";

    Throwable failure = Operation.CONVERSE_STREAM.failureOf(BEDROCK.invoker(), ask(prompt));

    assertThat(failure).isInstanceOf(GatewayException.class).hasNoCause();
    assertThat(failure.getClass().getSimpleName()).isEqualTo(expectedKind);
  }

  private static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }
}
