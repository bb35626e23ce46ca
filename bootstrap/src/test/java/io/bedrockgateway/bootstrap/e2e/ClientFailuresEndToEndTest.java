package io.bedrockgateway.bootstrap.e2e;

import static io.bedrockgateway.bootstrap.e2e.ClientFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.adapter.mongo.OutageProxy;
import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.client.BedrockClientException;
import io.bedrockgateway.client.BedrockGatewayClient;
import io.bedrockgateway.client.BedrockService;
import io.bedrockgateway.client.BreakerSettings;
import io.bedrockgateway.client.BreakerState;
import io.bedrockgateway.client.ChatMessage;
import io.bedrockgateway.client.ChatOptions;
import io.bedrockgateway.client.ChatReply;
import io.bedrockgateway.client.FailureCause;
import io.bedrockgateway.client.Path;
import io.bedrockgateway.client.RouteReason;
import io.bedrockgateway.client.StreamEvent;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatorSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client library when the gateway fails: streams cut after they began, a gateway that hangs,
 * and the breaker, against a real gateway behind a TCP relay the tests cut, with a second emulator
 * as "direct Bedrock".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientFailuresEndToEndTest {
  private static final String KEY = "client-failures-key-0123456789";
  private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("Hello there"));

  private BedrockEmulator behindGateway;
  private BedrockEmulator direct;
  private Gateway gateway;
  private OutageProxy relay;

  @BeforeAll
  void start() {
    behindGateway = BedrockEmulator.start(EmulatorSettings.onFreePort());
    direct = BedrockEmulator.start(EmulatorSettings.onFreePort());
    gateway =
        Gateway.start(
            TestGateways.config(
                behindGateway,
                Map.of(
                    "API_KEYS", KEY, "RATE_LIMIT_REQUESTS", "0", "MAX_CONCURRENT_STREAMS", "0")));
  }

  @AfterAll
  void stop() {
    gateway.close();
    behindGateway.close();
    direct.close();
  }

  /** Each test its own relay in front of the gateway, so no test sees another's connections. */
  @BeforeEach
  void relay() {
    relay = OutageProxy.to(new InetSocketAddress("127.0.0.1", gateway.port()));
    direct.clearRecordedRequests();
  }

  @AfterEach
  void closeRelay() {
    relay.close();
  }

  /**
   * Cuts the relay and waits (a hang guard, not a timing) until it refuses connections: a listener
   * closed while its virtual thread waits in accept() may still take one connection, so the gateway
   * would answer one call more than the test means.
   */
  private void cutRelay() throws IOException {
    relay.cut();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket("127.0.0.1", relay.port())) {
        relay.cut();
      } catch (ConnectException refused) {
        return;
      } catch (SocketException resetWhileClosing) {
        // the listener closed during this connect: the next one is refused
      }
    }
    throw new IllegalStateException("the relay still accepts connections");
  }

  @Test
  void aStreamWhoseModelFailsAfterTheFirstEventIsAnErrorNotASecondStream() {
    try (BedrockGatewayClient client = client(relay.port(), KEY, direct).build()) {
      List<StreamEvent> events = new ArrayList<>();

      assertThatThrownBy(
              () ->
                  client
                      .forRoutingKey("user-1")
                      .converseStream(
                          null,
                          List.of(ChatMessage.user("Hello [emulator:fail-after=1]")),
                          null,
                          ChatOptions.DEFAULTS,
                          events::add))
          .isInstanceOfSatisfying(
              BedrockClientException.StreamInterrupted.class,
              interrupted -> {
                assertThat(interrupted.path()).isEqualTo(Path.GATEWAY);
                assertThat(interrupted.connectionLost()).isFalse();
                assertThat(interrupted.type()).isNotBlank();
              });
      assertThat(events).hasSize(2).first().isInstanceOf(StreamEvent.MessageStart.class);
      assertThat(events.get(1)).isInstanceOf(StreamEvent.TextDelta.class);
      assertThat(direct.recordedRequests()).isEmpty();
    }
  }

  @Test
  void aStreamWhoseConnectionIsCutAfterTheFirstEventIsAnErrorNotASecondStream() {
    try (BedrockGatewayClient client = client(relay.port(), KEY, direct).build()) {
      List<StreamEvent> events = new ArrayList<>();

      assertThatThrownBy(
              () ->
                  client
                      .forRoutingKey("user-2")
                      .converseStream(
                          null,
                          List.of(
                              ChatMessage.user(
                                  "Hello [emulator:tokens=40][emulator:token-delay-ms=100]")),
                          null,
                          ChatOptions.DEFAULTS,
                          event -> {
                            events.add(event);
                            if (event instanceof StreamEvent.TextDelta) {
                              relay.cut();
                            }
                          }))
          .isInstanceOfSatisfying(
              BedrockClientException.StreamInterrupted.class,
              interrupted -> {
                assertThat(interrupted.path()).isEqualTo(Path.GATEWAY);
                assertThat(interrupted.connectionLost()).isTrue();
              });
      assertThat(events).hasSizeBetween(2, 39);
      assertThat(events).noneMatch(StreamEvent.MessageStop.class::isInstance);
      assertThat(direct.recordedRequests()).isEmpty();
    }
  }

  @Test
  void aGatewayThatDoesNotAnswerInTimeFallsBackToDirect() {
    relay.pause();
    try (BedrockGatewayClient client =
        client(relay.port(), KEY, direct)
            .timeouts(Duration.ofSeconds(2), Duration.ofMillis(300))
            .build()) {
      ChatReply reply =
          client.forRoutingKey("user-3").converse(null, HELLO, null, ChatOptions.DEFAULTS);

      assertThat(reply.route().path()).isEqualTo(Path.DIRECT);
      assertThat(reply.route().fallbackCause()).isEqualTo(FailureCause.TIMEOUT);
      assertThat(direct.recordedRequests()).hasSize(1);
    }
  }

  @Test
  void withFallbackOffTheGatewaysFailureSurfaces() throws IOException {
    cutRelay();
    try (BedrockGatewayClient client =
        client(relay.port(), KEY, direct).fallbackToDirect(false).build()) {
      assertThatThrownBy(
              () ->
                  client.forRoutingKey("user-4").converse(null, HELLO, null, ChatOptions.DEFAULTS))
          .isInstanceOfSatisfying(
              BedrockClientException.Unavailable.class,
              unavailable ->
                  assertThat(unavailable.failureCause())
                      .isEqualTo(FailureCause.CONNECTION_REFUSED));
      assertThat(direct.recordedRequests()).isEmpty();
    }
  }

  @Test
  void theBreakerOpensAfterRepeatedFailuresAndClosesAfterTheGatewayReturns() throws IOException {
    ClientFixtures.SettableClock clock = new ClientFixtures.SettableClock();
    ClientFixtures.Recorder recorder = new ClientFixtures.Recorder();
    try (BedrockGatewayClient client =
        client(relay.port(), KEY, direct)
            .breaker(new BreakerSettings(50, 4, Duration.ofSeconds(30)))
            .clock(clock)
            .listener(recorder)
            .build()) {
      BedrockService service = client.forRoutingKey("user-5");
      cutRelay();
      for (int i = 0; i < 4; i++) {
        assertThat(service.converse(null, HELLO, null, ChatOptions.DEFAULTS).route().reason())
            .isEqualTo(RouteReason.FALLBACK);
      }
      assertThat(client.gatewayBreakerState()).isEqualTo(BreakerState.OPEN);

      relay.resume();
      ChatReply whileOpen = service.converse(null, HELLO, null, ChatOptions.DEFAULTS);
      assertThat(whileOpen.route().reason()).isEqualTo(RouteReason.BREAKER_OPEN);
      assertThat(whileOpen.route().path()).isEqualTo(Path.DIRECT);

      clock.advance(Duration.ofSeconds(31));
      ChatReply probe = service.converse(null, HELLO, null, ChatOptions.DEFAULTS);
      assertThat(probe.route().path()).isEqualTo(Path.GATEWAY);
      assertThat(client.gatewayBreakerState()).isEqualTo(BreakerState.CLOSED);

      assertThat(recorder.fallbacks)
          .containsExactly(
              FailureCause.CONNECTION_REFUSED,
              FailureCause.CONNECTION_REFUSED,
              FailureCause.CONNECTION_REFUSED,
              FailureCause.CONNECTION_REFUSED,
              FailureCause.BREAKER_OPEN);
      assertThat(recorder.breaker)
          .containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
      assertThat(direct.recordedRequests()).hasSize(5);
    }
  }
}
