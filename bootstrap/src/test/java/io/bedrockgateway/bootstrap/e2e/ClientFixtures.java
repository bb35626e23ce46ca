package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.client.BedrockGatewayClient;
import io.bedrockgateway.client.BreakerState;
import io.bedrockgateway.client.ClientListener;
import io.bedrockgateway.client.FailureCause;
import io.bedrockgateway.client.Operation;
import io.bedrockgateway.client.Route;
import io.bedrockgateway.emulator.BedrockEmulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Clients of the library as an application builds them: the gateway at a port, and a second
 * emulator standing in for "direct Bedrock", so each path's calls can be told apart.
 */
final class ClientFixtures {
  private ClientFixtures() {}

  static BedrockGatewayClient.Builder client(int gatewayPort, String key, BedrockEmulator direct) {
    return BedrockGatewayClient.builder()
        .gateway(URI.create("http://127.0.0.1:" + gatewayPort), key)
        .directEndpoint(direct.endpoint())
        .directCredentials(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("direct", "direct")));
  }

  /** The requests the gateway's own usage ledger counted for {@code key}. */
  static long ledgerRequests(SseClient gateway, String key) {
    return SseClient.parse(gateway.get("/api/v1/usage", Map.of("X-API-Key", key)).body())
        .path("total")
        .path("requests")
        .asLong();
  }

  /** Waits (a guard against a hang, not a timing) until the ledger counted {@code expected}. */
  static void assertLedgerCounts(SseClient gateway, String key, long expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (ledgerRequests(gateway, key) < expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(ledgerRequests(gateway, key)).isEqualTo(expected);
  }

  /** What the client reported, in order. */
  static final class Recorder implements ClientListener {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<FailureCause> fallbacks = new CopyOnWriteArrayList<>();
    final List<String> breaker = new CopyOnWriteArrayList<>();

    @Override
    public void onCall(Operation operation, Route route, boolean succeeded) {
      calls.add(operation + ":" + route.path() + ":" + (succeeded ? "ok" : "failed"));
    }

    @Override
    public void onFallback(Operation operation, FailureCause cause) {
      fallbacks.add(cause);
    }

    @Override
    public void onBreakerStateChange(BreakerState from, BreakerState to) {
      breaker.add(from + "->" + to);
    }
  }

  /**
   * A clock the breaker reads, moved by the test past the breaker's cool-down. (The application's
   * test-jar has one too, but on bootstrap's test classpath ArchUnit would take that jar's classes
   * for production code.)
   */
  static final class SettableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
