package io.bedrockgateway.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.bedrockgateway.application.port.out.QuotaCounterUnavailable;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.health.DependencyHealth;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis going away and coming back, with a server of the test's own. What is asserted is why each
 * command failed (rejected while disconnected, timed out after the configured timeout, never
 * connected); the time bound only turns a hang into a failure, and says nothing of speed.
 */
class RedisOutageTest {
  private static final Duration TIMEOUT = Duration.ofMillis(50);

  /** Far above the configured timeout, far below Lettuce's own default of a minute. */
  private static final Duration HANG = Duration.ofSeconds(10);

  private static final Demand DEMAND = new Demand(10, Usd.ZERO, false);

  private final Principal principal = TestPrincipals.withRequestLimit(1_000, Duration.ofMinutes(1));
  private RedisServerProcess server;
  private RedisConnection connection;
  private RedisQuotaCounter counter;

  @BeforeEach
  void start() {
    server = TestRedis.ownServer();
    connection = RedisConnection.open(RedisSettings.of(server.url(), false, TIMEOUT));
    counter = new RedisQuotaCounter(connection);
  }

  /** Closes what {@link #start()} got to; nothing when it skipped the test (no redis-server). */
  @AfterEach
  void stop() {
    if (connection != null) {
      connection.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aStoppedRedisFailsFastAndIsUsedAgainOnceItIsBack() {
    assertThat(admittedOnceRedisAnswers()).isInstanceOf(AdmissionDecision.Admitted.class);

    server.stop();
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      reasons.add(unavailable().getMessage());
    }
    server.start();

    assertThat(admittedOnceRedisAnswers()).isInstanceOf(AdmissionDecision.Admitted.class);
    // Once Lettuce has seen the connection drop, commands are rejected at once, not queued until
    // it reconnects (and then timed out). The very first one may still have been sent.
    assertThat(reasons).allSatisfy(reason -> assertThat(reason).startsWith("Redis at 127.0.0.1:"));
    assertThat(reasons.getLast()).endsWith("Currently not connected. Commands are rejected.");
  }

  @Test
  void aFrozenRedisTimesOutAndIsUsedAgainOnceItAnswers() {
    assertThat(admittedOnceRedisAnswers()).isInstanceOf(AdmissionDecision.Admitted.class);

    server.freeze(true);
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      reasons.add(unavailable().getMessage());
    }
    server.freeze(false);

    assertThat(admittedOnceRedisAnswers()).isInstanceOf(AdmissionDecision.Admitted.class);
    // The connection stays open, so each command waits for the configured timeout, not Lettuce's.
    assertThat(reasons)
        .allSatisfy(
            reason ->
                assertThat(reason)
                    .endsWith("Command timed out after " + TIMEOUT.toMillis() + " millisecond(s)"));
  }

  @Test
  void aRedisDownAtStartIsConnectedOnceItComesUp() {
    connection.close();
    server.stop();
    connection = RedisConnection.open(RedisSettings.of(server.url(), false, TIMEOUT));
    counter = new RedisQuotaCounter(connection);

    // No command is sent: the adapter says why it has no connection.
    assertThat(unavailable()).hasMessageContaining("Unable to connect to 127.0.0.1");
    server.start();

    assertThat(admittedOnceRedisAnswers()).isInstanceOf(AdmissionDecision.Admitted.class);
  }

  @Test
  void theProbeSaysWhetherRedisAnswersAndWhetherTheGatewayCanServeWithoutIt() {
    RedisProbe optional = new RedisProbe(connection, false);
    RedisProbe required = new RedisProbe(connection, true);
    assertThat(optional.name()).isEqualTo("redis");
    assertThat(optional.check().up()).isTrue();
    assertThat(optional.check().detail()).startsWith("PING");

    server.stop();
    DependencyHealth degraded = optional.check();
    DependencyHealth unhealthy = required.check();

    assertThat(degraded.up()).isFalse();
    assertThat(degraded.critical()).isFalse();
    assertThat(unhealthy.critical()).isTrue();
    assertThat(degraded.detail()).contains("unreachable");
  }

  private AdmissionDecision admit() {
    return counter.admit(principal, RequestId.generate(), DEMAND);
  }

  /** The failure of an admission Redis cannot serve; a hang fails the test instead. */
  private QuotaCounterUnavailable unavailable() {
    Throwable failure =
        assertTimeoutPreemptively(HANG, () -> catchThrowable(this::admit), "admit() hung");
    assertThat(failure).isExactlyInstanceOf(QuotaCounterUnavailable.class);
    return (QuotaCounterUnavailable) failure;
  }

  /**
   * Lettuce reconnects by itself; nothing here asks it to. (A first command on a cold JVM may also
   * outlast the short timeout.)
   */
  private AdmissionDecision admittedOnceRedisAnswers() {
    Instant deadline = Instant.now().plusSeconds(10);
    while (true) {
      try {
        return admit();
      } catch (QuotaCounterUnavailable stillDown) {
        if (Instant.now().isAfter(deadline)) {
          throw stillDown;
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
