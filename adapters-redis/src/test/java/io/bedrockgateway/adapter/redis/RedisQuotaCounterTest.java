package io.bedrockgateway.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.QuotaCounterContract;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.RequestRate;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.QuotaStanding;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.quota.ReservationId;
import io.bedrockgateway.domain.request.RequestId;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quota contract against a real Redis, and what only the Redis counter promises. */
class RedisQuotaCounterTest extends QuotaCounterContract {
  private static final Plan EVERY_LIMIT =
      Plan.unlimited("all")
          .withRequests(new RequestRate(10, Duration.ofMinutes(1)))
          .withTokensPerMinute(10_000)
          .withTokensPerDay(100_000)
          .withMonthlyBudget(Usd.of("10"))
          .withConcurrentStreams(5);

  private static RedisConnection connection;
  private static RedisClient inspector;
  private static StatefulRedisConnection<String, String> inspection;

  @BeforeAll
  static void connect() {
    String url = TestRedis.url();
    connection = RedisConnection.open(RedisSettings.of(url, false, Duration.ofMillis(500)));
    inspector = RedisClient.create(url);
    inspection = inspector.connect();
  }

  @AfterAll
  static void disconnect() {
    if (connection != null) {
      connection.close();
      inspection.close();
      inspector.shutdown();
    }
  }

  @Override
  protected QuotaCounter counter() {
    return new RedisQuotaCounter(connection);
  }

  @Test
  void keepsEveryCounterOfAKeyUnderItsHashTagWithAnExpiry() {
    Principal principal = TestPrincipals.withPlan(EVERY_LIMIT);

    counter().admit(principal, RequestId.generate(), new Demand(100, Usd.of("0.01"), true));

    RedisCommands<String, String> redis = inspection.sync();
    List<String> keys = redis.keys("*" + principal.keyId().value() + "*");
    assertThat(keys)
        .hasSize(7)
        .allSatisfy(key -> assertThat(key).startsWith("{bgw:" + principal.keyId().value() + "}:"))
        .allSatisfy(key -> assertThat(redis.pttl(key)).isPositive());
  }

  @Test
  void admitsInOneRoundTrip() {
    Principal principal = TestPrincipals.withPlan(EVERY_LIMIT);
    QuotaCounter counter = counter();
    counter.admit(principal, RequestId.generate(), new Demand(1, Usd.ZERO, false));
    long before = scriptCalls();

    for (int i = 0; i < 5; i++) {
      counter.admit(principal, RequestId.generate(), new Demand(1, Usd.ZERO, false));
    }

    assertThat(scriptCalls() - before).isEqualTo(5);
  }

  @Test
  void leasesOfAnInstanceThatVanishedExpireByThemselves() throws InterruptedException {
    Principal principal = TestPrincipals.withPlan(Plan.unlimited("one").withConcurrentStreams(1));
    Demand stream = new Demand(10, Usd.ZERO, true);
    try (RedisConnection crashing = withShortLeases()) {
      assertThat(new RedisQuotaCounter(crashing).admit(principal, RequestId.generate(), stream))
          .isInstanceOf(AdmissionDecision.Admitted.class);
    }

    QuotaCounter survivor = counter();
    assertThat(survivor.admit(principal, RequestId.generate(), stream))
        .isInstanceOf(AdmissionDecision.Denied.class);
    Thread.sleep(3_200);
    assertThat(survivor.admit(principal, RequestId.generate(), stream))
        .isInstanceOf(AdmissionDecision.Admitted.class);
  }

  @Test
  void renewsTheLeasesOfStreamsStillRunning() throws InterruptedException {
    Principal principal = TestPrincipals.withPlan(Plan.unlimited("one").withConcurrentStreams(1));
    Demand stream = new Demand(10, Usd.ZERO, true);
    try (RedisConnection running = withShortLeases()) {
      assertThat(new RedisQuotaCounter(running).admit(principal, RequestId.generate(), stream))
          .isInstanceOf(AdmissionDecision.Admitted.class);

      Thread.sleep(4_000);

      assertThat(counter().admit(principal, RequestId.generate(), stream))
          .isInstanceOf(AdmissionDecision.Denied.class);
    }
  }

  @Test
  void aReservationNobodySettlesStopsCountingOnceItLapses() {
    Principal principal = TestPrincipals.withPlan(DAY_AND_BUDGET);
    try (RedisConnection gone = withLapse(Duration.ofSeconds(1))) {
      // admitted, and never settled or renewed: its instance is gone (or never got the answer)
      assertThat(new RedisQuotaCounter(gone).admit(principal, RequestId.generate(), units(80)))
          .isInstanceOf(AdmissionDecision.Admitted.class);
    }
    QuotaCounter survivor = counter();

    assertThat(survivor.admit(principal, RequestId.generate(), units(30)))
        .isInstanceOf(AdmissionDecision.Denied.class);
    assertThat(admittedOnceItFits(survivor, principal, units(30)))
        .isInstanceOf(AdmissionDecision.Admitted.class);
    assertThat(survivor.admit(principal, RequestId.generate(), units(71)))
        .as("only the lapsed reservation stopped counting")
        .isInstanceOf(AdmissionDecision.Denied.class);
  }

  @Test
  void whatSettledRequestsUsedOutlivesTheLapse() throws InterruptedException {
    Principal principal = TestPrincipals.withPlan(DAY_AND_BUDGET);
    try (RedisConnection shortLapse = withLapse(Duration.ofSeconds(1))) {
      QuotaCounter counter = new RedisQuotaCounter(shortLapse);
      Reservation reservation =
          reservationOf(counter.admit(principal, RequestId.generate(), units(80)));
      counter.settle(reservation, used(60));
      Thread.sleep(1_500);

      assertThat(counter.admit(principal, RequestId.generate(), units(41)))
          .isInstanceOf(AdmissionDecision.Denied.class);
      assertThat(counter.admit(principal, RequestId.generate(), units(40)))
          .isInstanceOf(AdmissionDecision.Admitted.class);
    }
  }

  @Test
  void theReservationOfARequestStillRunningIsRenewedPastTheLapse() throws InterruptedException {
    Principal principal = TestPrincipals.withPlan(DAY_AND_BUDGET);
    try (RedisConnection running = withLapse(Duration.ofSeconds(2))) {
      QuotaCounter counter = new RedisQuotaCounter(running);
      Reservation reservation =
          reservationOf(counter.admit(principal, RequestId.generate(), units(80)));

      Thread.sleep(3_000);

      assertThat(counter().admit(principal, RequestId.generate(), units(30)))
          .isInstanceOf(AdmissionDecision.Denied.class);
      counter.settle(reservation, used(10));
      assertThat(counter().admit(principal, RequestId.generate(), units(90)))
          .isInstanceOf(AdmissionDecision.Admitted.class);
    }
  }

  @Test
  void admittingAgainUnderTheSameReservationIdCountsOnce() {
    Principal principal =
        TestPrincipals.withPlan(
            DAY_AND_BUDGET.withRequests(new RequestRate(3, Duration.ofMinutes(1))));
    RedisQuotaCounter counter = new RedisQuotaCounter(connection);
    ReservationId retried = ReservationId.generate();

    AdmissionDecision first = counter.admit(principal, RequestId.generate(), units(60), retried);
    AdmissionDecision again = counter.admit(principal, RequestId.generate(), units(60), retried);

    assertThat(reservationOf(again).admittedAt()).isEqualTo(reservationOf(first).admittedAt());
    assertThat(again.status().orElseThrow().remaining()).isEqualTo(2);
    assertThat(counter.admit(principal, RequestId.generate(), units(41)))
        .isInstanceOf(AdmissionDecision.Denied.class);
    assertThat(counter.admit(principal, RequestId.generate(), units(40)))
        .isInstanceOf(AdmissionDecision.Admitted.class);
  }

  @Test
  void settlingTwiceCountsOnce() {
    Principal principal = TestPrincipals.withPlan(DAY_AND_BUDGET);
    QuotaCounter counter = counter();
    Reservation reservation =
        reservationOf(counter.admit(principal, RequestId.generate(), units(50)));

    counter.settle(reservation, used(30));
    counter.settle(reservation, used(30));

    assertThat(counter.admit(principal, RequestId.generate(), units(71)))
        .isInstanceOf(AdmissionDecision.Denied.class);
    assertThat(counter.admit(principal, RequestId.generate(), units(70)))
        .isInstanceOf(AdmissionDecision.Admitted.class);
  }

  @Test
  void settledTokensAreCountedApartFromWhatIsHeld() {
    Principal principal = TestPrincipals.withPlan(DAY_AND_BUDGET);
    QuotaCounter counter = counter();
    Reservation settled = reservationOf(counter.admit(principal, RequestId.generate(), units(50)));
    counter.settle(settled, used(20));
    reservationOf(counter.admit(principal, RequestId.generate(), units(40)));

    String day = Long.toString(LocalDate.now(ZoneOffset.UTC).toEpochDay());
    String prefix = TestRedis.keysOf(principal.keyId());
    RedisCommands<String, String> redis = inspection.sync();
    assertThat(redis.hget(prefix + "tokens:day", day)).isEqualTo("20");
    assertThat(redis.hget(prefix + "reserved", "day:" + day)).isEqualTo("40");
  }

  @Test
  void remembersWhatItsLastAnswerSaidTheKeyHadUsed() {
    Principal principal =
        TestPrincipals.withPlan(
            DAY_AND_BUDGET
                .withRequests(new RequestRate(5, Duration.ofMinutes(1)))
                .withTokensPerMinute(1_000));
    RedisQuotaCounter counter = new RedisQuotaCounter(connection);
    assertThat(counter.lastStanding(principal.keyId())).isEmpty();

    Reservation first = reservationOf(counter.admit(principal, RequestId.generate(), units(60)));
    counter.settle(first, used(20));
    Reservation second = reservationOf(counter.admit(principal, RequestId.generate(), units(50)));
    AdmissionDecision denied = counter.admit(principal, RequestId.generate(), units(31));

    assertThat(denied).isInstanceOf(AdmissionDecision.Denied.class);
    QuotaStanding standing = counter.lastStanding(principal.keyId()).orElseThrow();
    assertThat(standing.requests()).isEqualTo(2);
    assertThat(standing.oldestRequestAt()).contains(first.admittedAt());
    assertThat(standing.minuteTokens()).isEqualTo(70);
    assertThat(standing.dayTokens()).isEqualTo(70);
    assertThat(standing.monthSpend()).isEqualTo(new Usd(70));
    assertThat(standing.at()).isAfterOrEqualTo(second.admittedAt());
  }

  /** A plan whose day's tokens and month's budget are both 100 units. */
  private static final Plan DAY_AND_BUDGET =
      Plan.unlimited("day-and-month").withTokensPerDay(100).withMonthlyBudget(Usd.of("0.0001"));

  /** Tokens and nano-dollars (a unit is a nano-dollar): the day and the month fill alike. */
  private static Demand units(long units) {
    return new Demand(units, new Usd(units), false);
  }

  private static Consumption used(long units) {
    return new Consumption(new TokenUsage(units, 0), new Usd(units));
  }

  private static Reservation reservationOf(AdmissionDecision decision) {
    assertThat(decision).isInstanceOf(AdmissionDecision.Admitted.class);
    return ((AdmissionDecision.Admitted) decision).reservation();
  }

  /**
   * Admits once the demand fits; a generous guard only keeps a lapse that never comes from hanging.
   */
  private static AdmissionDecision admittedOnceItFits(
      QuotaCounter counter, Principal principal, Demand demand) {
    Instant giveUp = Instant.now().plusSeconds(30);
    AdmissionDecision decision = counter.admit(principal, RequestId.generate(), demand);
    while (decision instanceof AdmissionDecision.Denied && Instant.now().isBefore(giveUp)) {
      pause();
      decision = counter.admit(principal, RequestId.generate(), demand);
    }
    return decision;
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Its own connection, as another instance would have, with reservations lapsing soon. */
  private static RedisConnection withLapse(Duration lapse) {
    return RedisConnection.open(
        RedisSettings.of(TestRedis.url(), false, Duration.ofMillis(500))
            .withReservationLapse(lapse));
  }

  /** Its own connection, as another instance would have, with leases of three seconds. */
  private static RedisConnection withShortLeases() {
    return RedisConnection.open(
        RedisSettings.of(TestRedis.url(), false, Duration.ofMillis(500))
            .withStreamLease(Duration.ofSeconds(3)));
  }

  private static long scriptCalls() {
    String stats = inspection.sync().info("commandstats");
    return callsOf(stats, "cmdstat_evalsha") + callsOf(stats, "cmdstat_eval");
  }

  private static long callsOf(String stats, String command) {
    return stats
        .lines()
        .filter(line -> line.startsWith(command + ":"))
        .map(line -> line.replaceAll("^[^:]+:calls=(\\d+),.*", "$1"))
        .mapToLong(Long::parseLong)
        .sum();
  }
}
