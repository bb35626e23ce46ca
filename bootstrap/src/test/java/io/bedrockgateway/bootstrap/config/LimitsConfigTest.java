package io.bedrockgateway.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.adapter.redis.RedisSettings;
import io.bedrockgateway.application.service.QuotaFailureMode;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.RequestRate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plans, Redis and the failure mode, as configured by environment variables and GATEWAY_CONFIG. */
class LimitsConfigTest {
  @TempDir Path directory;

  @Test
  void withoutRedisLimitsAreLocalAndTheDefaultPlanLimitsRequestsAndStreams() {
    GatewayConfig config = load(Map.of());

    assertThat(config.limits().redis()).isEmpty();
    assertThat(config.limits().failureMode()).isEqualTo(QuotaFailureMode.LOCAL);
    assertThat(config.defaultPlan())
        .isEqualTo(
            Plan.unlimited("default")
                .withRequests(new RequestRate(100, Duration.ofSeconds(60)))
                .withConcurrentStreams(ConfigLoader.DEFAULT_MAX_CONCURRENT_STREAMS));
    assertThat(config.plans().byName()).containsOnlyKeys("default");
  }

  @Test
  void readsEveryLimitOfTheDefaultPlan() {
    GatewayConfig config =
        load(
            Map.of(
                "RATE_LIMIT_REQUESTS", "50",
                "RATE_LIMIT_WINDOW", "10",
                "RATE_LIMIT_TOKENS_PER_MINUTE", "20000",
                "RATE_LIMIT_TOKENS_PER_DAY", "1000000",
                "BUDGET_USD_PER_MONTH", "125.50",
                "MAX_CONCURRENT_STREAMS", "4"));

    assertThat(config.defaultPlan())
        .isEqualTo(
            Plan.unlimited("default")
                .withRequests(new RequestRate(50, Duration.ofSeconds(10)))
                .withTokensPerMinute(20_000)
                .withTokensPerDay(1_000_000)
                .withMonthlyBudget(Usd.of("125.50"))
                .withConcurrentStreams(4));
  }

  @Test
  void readsRedisAndTheFailureMode() {
    GatewayConfig config =
        load(
            Map.of(
                "REDIS_URL", "rediss://:secret@cache.internal:6380/2",
                "REDIS_TIMEOUT_MS", "80",
                "REDIS_RESERVATION_LAPSE_SECONDS", "300",
                "REDIS_BREAKER_FAILURE_RATE", "25",
                "REDIS_BREAKER_MINIMUM_CALLS", "40",
                "REDIS_BREAKER_WINDOW_SECONDS", "30",
                "REDIS_BREAKER_OPEN_SECONDS", "2",
                "RATE_LIMIT_FAILURE_MODE", "Closed"));

    RedisSettings redis = config.limits().redis().orElseThrow();
    assertThat(redis.urls()).containsExactly("rediss://:secret@cache.internal:6380/2");
    assertThat(redis.cluster()).isFalse();
    assertThat(redis.commandTimeout()).isEqualTo(Duration.ofMillis(80));
    assertThat(redis.reservationLapse()).isEqualTo(Duration.ofMinutes(5));
    assertThat(redis.breaker())
        .isEqualTo(
            new RedisSettings.Breaker(25, 40, Duration.ofSeconds(30), Duration.ofSeconds(2)));
    assertThat(redis.describe()).isEqualTo("cache.internal:6380").doesNotContain("secret");
    assertThat(redis.toString()).doesNotContain("secret");
    assertThat(config.limits().failureMode()).isEqualTo(QuotaFailureMode.CLOSED);
  }

  @Test
  void aClusterTakesTheUrlsOfSeveralNodes() {
    GatewayConfig config =
        load(
            Map.of(
                "REDIS_URL", "redis://10.0.0.1:7000, redis://10.0.0.2:7000",
                "REDIS_CLUSTER", "true"));

    RedisSettings redis = config.limits().redis().orElseThrow();
    assertThat(redis.cluster()).isTrue();
    assertThat(redis.reservationLapse()).isEqualTo(RedisSettings.DEFAULT_RESERVATION_LAPSE);
    assertThat(redis.commandTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(redis.breaker())
        .isEqualTo(
            new RedisSettings.Breaker(50, 10, Duration.ofSeconds(10), Duration.ofSeconds(5)));
    assertThat(redis.describe()).isEqualTo("10.0.0.1:7000,10.0.0.2:7000 (cluster)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "RATE_LIMIT_TOKENS_PER_MINUTE | -5",
        "RATE_LIMIT_TOKENS_PER_DAY | lots",
        "BUDGET_USD_PER_MONTH | ten",
        "BUDGET_USD_PER_MONTH | -3",
        "BUDGET_USD_PER_MONTH | 5000000",
        "MAX_CONCURRENT_STREAMS | two",
        "RATE_LIMIT_FAILURE_MODE | sometimes",
        "REDIS_URL | http://cache:6379",
        "REDIS_URL | redis://a:6379,redis://b:6379",
        "REDIS_TIMEOUT_MS | 0",
        "REDIS_RESERVATION_LAPSE_SECONDS | 0",
        "REDIS_RESERVATION_LAPSE_SECONDS | soon",
        "REDIS_BREAKER_FAILURE_RATE | 0",
        "REDIS_BREAKER_FAILURE_RATE | 101",
        "REDIS_BREAKER_MINIMUM_CALLS | 0",
        "REDIS_BREAKER_WINDOW_SECONDS | 0",
        "REDIS_BREAKER_WINDOW_SECONDS | 10s",
        "REDIS_BREAKER_OPEN_SECONDS | 0",
        "REDIS_CLUSTER | maybe",
        "GATEWAY_CONFIG | /no/such/file.yaml"
      })
  void aBadValueFailsWithAMessageNamingTheVariable(String variable, String value) {
    assertThatThrownBy(() -> load(Map.of(variable, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(variable);
  }

  @Test
  void neverEchoesARedisPassword() {
    assertThatThrownBy(() -> load(Map.of("REDIS_URL", "redis://:hunter2@cache:port")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REDIS_URL")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void readsNamedPlansFromAYamlFile() throws IOException {
    GatewayConfig config =
        withPlansFile(
            "plans.yaml",
            """
            plans:
              team:
                requests: 600
                window_seconds: 30
                tokens_per_minute: 200000
                tokens_per_day: 5000000
                budget_usd_per_month: 250
                concurrent_streams: 20
              batch:
                tokens_per_day: 20000000
              free: {}
            """);

    assertThat(config.plans().byName()).containsOnlyKeys("default", "team", "batch", "free");
    assertThat(config.plans().find("team"))
        .contains(
            Plan.unlimited("team")
                .withRequests(new RequestRate(600, Duration.ofSeconds(30)))
                .withTokensPerMinute(200_000)
                .withTokensPerDay(5_000_000)
                .withMonthlyBudget(Usd.of("250"))
                .withConcurrentStreams(20));
    assertThat(config.plans().find("batch"))
        .contains(Plan.unlimited("batch").withTokensPerDay(20_000_000));
    assertThat(config.plans().find("free")).contains(Plan.unlimited("free"));
    assertThat(config.defaultPlan().name()).isEqualTo("default");
  }

  @Test
  void readsNamedPlansFromAJsonFile() throws IOException {
    GatewayConfig config =
        withPlansFile("plans.json", "{\"plans\": {\"team\": {\"requests\": 5}}}");

    assertThat(config.plans().find("team"))
        .contains(Plan.unlimited("team").withRequests(new RequestRate(5, Duration.ofSeconds(60))));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'plans:\n  team:\n    tokens_per_hour: 5' | tokens_per_hour",
        "'plans:\n  team:\n    requests: 0' | plan 'team'",
        "'plans:\n  team:\n    budget_usd_per_month: -1' | plan 'team'",
        "'plans:\n  default:\n    requests: 5' | plan 'default' is the default plan",
        "'plans:\n  team:' | plan 'team' has no limits",
        "'plans: [' | GATEWAY_CONFIG",
        "'plans: 5' | plans"
      })
  void aBadPlansFileFailsWithAMessageNamingTheFileAndTheProblem(String contents, String problem)
      throws IOException {
    assertThatThrownBy(() -> withPlansFile("plans.yaml", contents))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("GATEWAY_CONFIG (")
        .hasMessageContaining("plans.yaml")
        .hasMessageContaining(problem);
  }

  private GatewayConfig withPlansFile(String name, String contents) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, contents);
    return load(Map.of("GATEWAY_CONFIG", file.toString()));
  }

  private static GatewayConfig load(Map<String, String> variables) {
    return ConfigLoader.load(Environment.of(new HashMap<>(variables)));
  }
}
