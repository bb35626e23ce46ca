package io.bedrockgateway.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis going away and coming back, with a server of the test's own. The time bounds are loose on
 * purpose: they prove that nothing hangs, not how fast it is.
 */
class RedisOutageTest {
  private static final Duration TIMEOUT = Duration.ofMillis(50);
  private static final Duration NO_HANG = Duration.ofMillis(900);
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
    for (int i = 0; i < 20; i++) {
      assertUnavailableWithoutHanging();
    }
    server.start();

    assertThat(admittedOnceRedisAnswers()).isInstanceOf(AdmissionDecision.Admitted.class);
  }

  @Test
  void aFrozenRedisTimesOutAndIsUsedAgainOnceItAnswers() {
    assertThat(admittedOnceRedisAnswers()).isInstanceOf(AdmissionDecision.Admitted.class);

    server.freeze(true);
    for (int i = 0; i < 5; i++) {
      assertUnavailableWithoutHanging();
    }
    server.freeze(false);

    assertThat(admittedOnceRedisAnswers()).isInstanceOf(AdmissionDecision.Admitted.class);
  }

  @Test
  void aRedisDownAtStartIsConnectedOnceItComesUp() {
    connection.close();
    server.stop();
    connection = RedisConnection.open(RedisSettings.of(server.url(), false, TIMEOUT));
    counter = new RedisQuotaCounter(connection);

    assertUnavailableWithoutHanging();
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

  private void assertUnavailableWithoutHanging() {
    Instant start = Instant.now();
    assertThatThrownBy(this::admit).isExactlyInstanceOf(QuotaCounterUnavailable.class);
    assertThat(Duration.between(start, Instant.now())).isLessThan(NO_HANG);
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
