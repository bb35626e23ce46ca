package io.bedrockgateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The router's rules: which failures go direct, which never do, and the breaker. */
class RoutedBedrockServiceTest {
  private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("Hello"));

  private final ScriptedService gateway = new ScriptedService(Path.GATEWAY);
  private final ScriptedService direct = new ScriptedService(Path.DIRECT);
  private final MovableClock clock = new MovableClock();
  private final List<String> heard = new ArrayList<>();
  private final ClientListener listener =
      new ClientListener() {
        @Override
        public void onCall(Operation operation, Route route, boolean succeeded) {
          heard.add("call " + operation + " " + route.path() + " " + succeeded);
        }

        @Override
        public void onFallback(Operation operation, FailureCause cause) {
          heard.add("fallback " + operation + " " + cause);
        }

        @Override
        public void onBreakerStateChange(BreakerState from, BreakerState to) {
          heard.add("breaker " + from + "->" + to);
        }
      };

  private BedrockService routed(int percentage, boolean fallback, BreakerSettings breaker) {
    return new RoutedBedrockService(
        "user-1", // bucket 94
        new RoutedBedrockService.Router(
            gateway,
            direct,
            new TrafficSplit(true, percentage),
            new GatewayBreaker(breaker, clock, listener),
            fallback,
            listener));
  }

  private BedrockService routed() {
    return routed(100, true, BreakerSettings.DEFAULTS);
  }

  @ParameterizedTest
  @EnumSource(
      value = FailureCause.class,
      names = {"BREAKER_OPEN"},
      mode = EnumSource.Mode.EXCLUDE)
  void theGatewaysOwnFailureBeforeTheFirstByteGoesDirect(FailureCause cause) {
    gateway.thenFail(() -> new BedrockClientException.Unavailable(Path.GATEWAY, cause, "x", null));

    ChatReply reply = routed().converse(null, HELLO, null, ChatOptions.DEFAULTS);

    assertThat(reply.text()).isEqualTo("answer from DIRECT");
    assertThat(reply.route()).isEqualTo(new Route(Path.DIRECT, RouteReason.FALLBACK, 94, cause));
    assertThat(heard)
        .containsExactly(
            "call CONVERSE GATEWAY false",
            "fallback CONVERSE " + cause,
            "call CONVERSE DIRECT true");
  }

  static Stream<Arguments> failuresThatNeverGoDirect() {
    return Stream.of(
        Arguments.of(
            "429",
            (Supplier<RuntimeException>)
                () ->
                    new BedrockClientException.RateLimited(
                        Path.GATEWAY, Duration.ofSeconds(3), "requests", "x")),
        Arguments.of(
            "401",
            (Supplier<RuntimeException>)
                () ->
                    new BedrockClientException.Refused(Path.GATEWAY, 401, "Invalid API key", null)),
        Arguments.of(
            "403",
            (Supplier<RuntimeException>)
                () -> new BedrockClientException.Refused(Path.GATEWAY, 403, "Forbidden", null)),
        Arguments.of(
            "500",
            (Supplier<RuntimeException>)
                () -> new BedrockClientException.Failed(Path.GATEWAY, 500, "Internal", null)),
        Arguments.of(
            "stream cut",
            (Supplier<RuntimeException>)
                () ->
                    new BedrockClientException.StreamInterrupted(
                        Path.GATEWAY, "connection_lost", "cut", true, null)),
        Arguments.of(
            "error event",
            (Supplier<RuntimeException>)
                () ->
                    new BedrockClientException.StreamInterrupted(
                        Path.GATEWAY, "stream_error", "model failed", false, null)),
        Arguments.of(
            "the caller's own bug", (Supplier<RuntimeException>) IllegalStateException::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failuresThatNeverGoDirect")
  void otherFailuresSurfaceAndNeverGoDirect(String name, Supplier<RuntimeException> failure) {
    gateway.thenFail(failure);
    RuntimeException expected = failure.get();

    assertThatThrownBy(
            () -> routed().converseStream(null, HELLO, null, ChatOptions.DEFAULTS, event -> {}))
        .isInstanceOf(expected.getClass());
    assertThat(direct.calls).isZero();
  }

  @Test
  void withFallbackOffTheGatewaysFailureSurfaces() {
    gateway.thenFail(
        () ->
            new BedrockClientException.Unavailable(
                Path.GATEWAY, FailureCause.CONNECTION_REFUSED, "x", null));

    assertThatThrownBy(
            () ->
                routed(100, false, BreakerSettings.DEFAULTS)
                    .converse(null, HELLO, null, ChatOptions.DEFAULTS))
        .isInstanceOf(BedrockClientException.Unavailable.class);
    assertThat(direct.calls).isZero();
  }

  @Test
  void aKeyOutsideTheShareGoesDirectAndNeverTouchesTheGateway() {
    Embedding embedding = routed(94, true, BreakerSettings.DEFAULTS).createTextEmbedding("hi");

    assertThat(embedding.route().reason()).isEqualTo(RouteReason.OUTSIDE_GATEWAY_SHARE);
    assertThat(gateway.calls).isZero();
    assertThat(direct.calls).isOne();
  }

  @Test
  void everyOperationFallsBackAlike() {
    BedrockService service = routed();
    Supplier<RuntimeException> refused =
        () ->
            new BedrockClientException.Unavailable(
                Path.GATEWAY, FailureCause.SERVICE_UNAVAILABLE, "x", null);
    for (int i = 0; i < 4; i++) {
      gateway.thenFail(refused);
    }

    assertThat(
            List.of(
                service.generateImage("p").route(),
                service.createTextEmbedding("t").route(),
                service.createTextEmbeddings(List.of("t")).route(),
                service.createImageEmbedding(new byte[] {1}).route()))
        .allSatisfy(route -> assertThat(route.reason()).isEqualTo(RouteReason.FALLBACK));
  }

  @Test
  void theBreakerOpensAfterRepeatedFailuresSkipsTheGatewayThenProbesItAndCloses() {
    BedrockService service = routed(100, true, new BreakerSettings(50, 4, Duration.ofSeconds(30)));
    for (int i = 0; i < 4; i++) {
      gateway.thenFail(
          () ->
              new BedrockClientException.Unavailable(
                  Path.GATEWAY, FailureCause.TIMEOUT, "x", null));
    }
    for (int i = 0; i < 4; i++) {
      service.converse(null, HELLO, null, ChatOptions.DEFAULTS);
    }

    ChatReply skipped = service.converse(null, HELLO, null, ChatOptions.DEFAULTS);
    assertThat(skipped.route().reason()).isEqualTo(RouteReason.BREAKER_OPEN);
    assertThat(gateway.calls).isEqualTo(4);

    clock.advance(Duration.ofSeconds(31));
    ChatReply probe = service.converse(null, HELLO, null, ChatOptions.DEFAULTS);
    assertThat(probe.route().path()).isEqualTo(Path.GATEWAY);
    assertThat(heard)
        .filteredOn(line -> line.startsWith("breaker"))
        .containsExactly(
            "breaker CLOSED->OPEN", "breaker OPEN->HALF_OPEN", "breaker HALF_OPEN->CLOSED");
  }

  @Test
  void refusalsCountAsAnAnsweringGatewayForTheBreaker() {
    BedrockService service = routed(100, true, new BreakerSettings(50, 2, Duration.ofSeconds(30)));
    for (int i = 0; i < 5; i++) {
      gateway.thenFail(
          () -> new BedrockClientException.RateLimited(Path.GATEWAY, null, "requests", null));
    }
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> service.converse(null, HELLO, null, ChatOptions.DEFAULTS))
          .isInstanceOf(BedrockClientException.RateLimited.class);
    }

    assertThat(gateway.calls).isEqualTo(5);
    assertThat(heard).noneMatch(line -> line.startsWith("breaker"));
  }

  @Test
  void aBadArgumentNeitherCountsForTheBreakerNorGoesDirect() {
    BedrockService service = routed(100, true, new BreakerSettings(100, 1, Duration.ofSeconds(30)));
    gateway.thenFail(() -> new IllegalArgumentException("messages: at least one message"));

    assertThatThrownBy(() -> service.converse(null, List.of(), null, ChatOptions.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(service.converse(null, HELLO, null, ChatOptions.DEFAULTS).route().path())
        .isEqualTo(Path.GATEWAY);
    assertThat(direct.calls).isZero();
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
