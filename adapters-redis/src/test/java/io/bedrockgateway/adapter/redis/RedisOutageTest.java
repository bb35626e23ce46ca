package io.bedrockgateway.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.bedrockgateway.application.port.out.QuotaCounterUnavailable;
import io.bedrockgateway.application.port.out.SettableClock;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.health.DependencyHealth;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.quota.ReservationId;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis going away and coming back, with a server of the test's own. Time bounds are hang guards
 * only: they prove that nothing hangs, never how fast it is.
 */
class RedisOutageTest {
  private static final Duration TIMEOUT = Duration.ofMillis(50);

  /** Far above the configured timeout, far below Lettuce's own default of a minute. */
  private static final Duration HANG = Duration.ofSeconds(10);

  private static final Duration OPEN_FOR = Duration.ofSeconds(1);
  private static final Demand DEMAND = new Demand(10, Usd.ZERO, false);

  private final Principal principal = TestPrincipals.withRequestLimit(1_000, Duration.ofMinutes(1));
  private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private RedisServerProcess server;
  private RedisConnection connection;
  private RedisQuotaCounter counter;

  @BeforeEach
  void start() {
    server = TestRedis.ownServer();
    connection = RedisConnection.open(settings());
    counter = new RedisQuotaCounter(connection);
  }

  /** A short command timeout, and a breaker that probes Redis again after a second. */
  private RedisSettings settings() {
    return RedisSettings.of(server.url(), false, TIMEOUT)
        .withBreaker(new RedisSettings.Breaker(50, 10, Duration.ofSeconds(10), OPEN_FOR));
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
  void anAdmissionThatTimedOutButRanIsReleasedOnceRedisAnswersAgain() {
    Principal principal = TestPrincipals.withPlan(Plan.unlimited("day").withTokensPerDay(100));
    ReservationId lost = ReservationId.generate();
    RedisQuotaCounter paused = new RedisQuotaCounter(connection, clock);
    RedisQuotaCounter another = new RedisQuotaCounter(connection);
    assertThat(admittedOnceRedisAnswers()).isInstanceOf(AdmissionDecision.Admitted.class);

    server.freeze(true);
    // both attempts wait on a Redis that cannot answer, which opens the breaker; both run (as one
    // admission) once Redis thaws
    assertThatThrownBy(() -> paused.admit(principal, RequestId.generate(), tokens(80), lost))
        .isExactlyInstanceOf(QuotaCounterUnavailable.class);
    server.freeze(false);
    AdmissionDecision whileHeld = another.admit(principal, RequestId.generate(), tokens(30));
    clock.advance(OPEN_FOR.plusMillis(1));
    AdmissionDecision afterTheRelease = admittedOnceItFits(another, principal, tokens(30));

    assertThat(whileHeld).isInstanceOf(AdmissionDecision.Denied.class);
    assertThat(afterTheRelease).isInstanceOf(AdmissionDecision.Admitted.class);
    assertThat(reservedEntry(principal, lost))
        .as("admitted in Redis, then released")
        .isEqualTo("settled");
    assertThat(another.admit(principal, RequestId.generate(), tokens(71)))
        .as("only what the lost admission held is gone")
        .isInstanceOf(AdmissionDecision.Denied.class);
    assertThat(paused.unsettledCount()).isZero();
  }

  @Test
  void aSettlementRedisDidNotTakeIsSentAgainOnceItAnswers() {
    Principal principal = TestPrincipals.withPlan(Plan.unlimited("day").withTokensPerDay(100));
    RedisQuotaCounter paused = new RedisQuotaCounter(connection, clock);
    RedisQuotaCounter another = new RedisQuotaCounter(connection);
    assertThat(admittedOnceRedisAnswers()).isInstanceOf(AdmissionDecision.Admitted.class);
    Reservation reservation =
        ((AdmissionDecision.Admitted) paused.admit(principal, RequestId.generate(), tokens(90)))
            .reservation();
    server.freeze(true);
    assertThatThrownBy(
            () -> paused.admit(TestPrincipals.unlimited(), RequestId.generate(), tokens(1)))
        .isExactlyInstanceOf(QuotaCounterUnavailable.class);
    server.freeze(false);

    paused.settle(reservation, new Consumption(new TokenUsage(5, 5), Usd.ZERO));

    assertThat(paused.unsettledCount()).as("kept while the breaker is open").isEqualTo(1);
    assertThat(another.admit(principal, RequestId.generate(), tokens(11)))
        .as("still held as reserved")
        .isInstanceOf(AdmissionDecision.Denied.class);
    clock.advance(OPEN_FOR.plusMillis(1));
    assertThat(admittedOnceItFits(another, principal, tokens(90)))
        .isInstanceOf(AdmissionDecision.Admitted.class);
    assertThat(another.admit(principal, RequestId.generate(), tokens(1)))
        .as("what the request used, 10 tokens, counts once")
        .isInstanceOf(AdmissionDecision.Denied.class);
    assertThat(paused.unsettledCount()).isZero();
  }

  private String reservedEntry(Principal principal, ReservationId id) {
    return TestRedis.query(
        server.url(),
        redis -> redis.hget(TestRedis.keysOf(principal.lineage()) + "reserved", id.value()));
  }

  @Test
  void aRedisDownAtStartIsConnectedOnceItComesUp() {
    connection.close();
    server.stop();
    connection = RedisConnection.open(settings());
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

  private static Demand tokens(long tokens) {
    return new Demand(tokens, Usd.ZERO, false);
  }

  /** Admits once the demand fits; a generous guard only keeps the test from hanging. */
  private static AdmissionDecision admittedOnceItFits(
      RedisQuotaCounter counter, Principal principal, Demand demand) {
    Instant giveUp = Instant.now().plusSeconds(20);
    while (true) {
      try {
        AdmissionDecision decision = counter.admit(principal, RequestId.generate(), demand);
        if (decision instanceof AdmissionDecision.Admitted || Instant.now().isAfter(giveUp)) {
          return decision;
        }
      } catch (QuotaCounterUnavailable paused) {
        if (Instant.now().isAfter(giveUp)) {
          throw paused;
        }
      }
      pause();
    }
  }

  private void assertUnavailableWithoutHanging() {
    Throwable failure =
        assertTimeoutPreemptively(HANG, () -> catchThrowable(this::admit), "admit() hung");
    assertThat(failure).isExactlyInstanceOf(QuotaCounterUnavailable.class);
  }

  /**
   * Lettuce reconnects by itself; nothing here asks it to. (A first command on a cold JVM may also
   * outlast the short timeout.)
   */
  private AdmissionDecision admittedOnceRedisAnswers() {
    return admittedOnceRedisAnswers(this::admit);
  }

  private static AdmissionDecision admittedOnceRedisAnswers(Supplier<AdmissionDecision> admit) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (true) {
      try {
        return admit.get();
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
