package io.bedrockgateway.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.QuotaCounterContract;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.RequestRate;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.request.RequestId;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
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
        .hasSize(5)
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

  /** Its own connection, as another instance would have, with leases of three seconds. */
  private static RedisConnection withShortLeases() {
    return RedisConnection.open(
        new RedisSettings(
            List.of(TestRedis.url()), false, Duration.ofMillis(500), Duration.ofSeconds(3)));
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
