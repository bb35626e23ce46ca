package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.redis.RedisServerProcess;
import io.bedrockgateway.adapter.redis.TestRedis;
import io.bedrockgateway.bootstrap.Gateway;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Redis stopped while requests flow through a whole gateway, in each failure mode: what is asserted
 * is the fallback each mode takes. The time bound only turns a request hanging on a dead Redis into
 * a failure, and says nothing of speed.
 */
class RedisOutageEndToEndTest {
  private static final String API_KEY = "outage-key-0123456789";

  /** Far above the 50 ms Redis timeout configured below; only a hang reaches it. */
  private static final Duration HANG = Duration.ofSeconds(10);

  private RedisServerProcess redis;
  private Gateway gateway;
  private SseClient client;

  /** A call's status, the requests its key has left if the call was counted, and its body. */
  private record Answer(int status, Optional<Long> remaining, String body) {}

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "local,  200, degraded,  200",
    "open,   200, degraded,  200",
    "closed, 503, unhealthy, 503"
  })
  void eachModeServesAsConfiguredWhileRedisIsDownAndRedisIsUsedAgainOnceBack(
      String mode, int statusWhileDown, String healthWhileDown, int healthStatusWhileDown) {
    redis = TestRedis.ownServer();
    gateway =
        TestGateways.start(
            Map.of(
                "API_KEYS",
                API_KEY,
                "REDIS_URL",
                redis.url(),
                "REDIS_TIMEOUT_MS",
                "50",
                "RATE_LIMIT_FAILURE_MODE",
                mode));
    client = new SseClient(gateway.port());
    assertThat(awaitCountedInRedis().status()).isEqualTo(200);
    assertThat(health().path("status").asText()).isEqualTo("healthy");

    redis.stop();
    List<Answer> whileDown = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      whileDown.add(call());
    }
    HttpResponse<String> healthWhileRedisDown = client.get("/health");
    redis.start();
    Answer afterwards = awaitCountedInRedis();

    assertThat(whileDown)
        .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(statusWhileDown))
        .allSatisfy(
            answer -> assertThat(answer.remaining().isPresent()).isEqualTo(mode.equals("local")));
    switch (mode) {
      case "local" -> {
        // counted in this instance's memory instead: one request fewer left after each call
        List<Long> remaining = whileDown.stream().map(answer -> answer.remaining().get()).toList();
        for (int i = 1; i < remaining.size(); i++) {
          assertThat(remaining.get(i))
              .as("remaining after call %d", i)
              .isEqualTo(remaining.get(0) - i);
        }
      }
      case "open" -> {
        // admitted uncounted: nothing to tell the client about its limits
      }
      case "closed" ->
          assertThat(whileDown)
              .allSatisfy(
                  answer -> {
                    JsonNode error = SseClient.parse(answer.body());
                    assertThat(error.path("error").asText()).isEqualTo("Service unavailable");
                    assertThat(error.path("detail").asText())
                        .contains("cannot check this key's limits");
                  });
      default -> throw new IllegalArgumentException(mode);
    }
    assertThat(healthWhileRedisDown.statusCode()).isEqualTo(healthStatusWhileDown);
    JsonNode health = SseClient.parse(healthWhileRedisDown.body());
    assertThat(health.path("status").asText()).isEqualTo(healthWhileDown);
    assertThat(health.path("services").path("redis").path("status").asText()).isEqualTo("down");
    assertThat(afterwards.status()).isEqualTo(200);
    assertThat(health().path("status").asText()).isEqualTo("healthy");
  }

  @Test
  void aKeyExhaustedInRedisStaysExhaustedWhileRedisIsDown() {
    redis = TestRedis.ownServer();
    gateway =
        TestGateways.start(
            Map.of(
                "API_KEYS",
                API_KEY,
                "REDIS_URL",
                redis.url(),
                "RATE_LIMIT_REQUESTS",
                "0",
                "RATE_LIMIT_TOKENS_PER_DAY",
                "300"));
    client = new SseClient(gateway.port());
    // each reserves 251 tokens and settles to the few dozen it used, until one no longer fits
    List<Integer> untilRefused = new ArrayList<>();
    while (untilRefused.size() < 20 && !untilRefused.contains(429)) {
      untilRefused.add(chat(250).statusCode());
    }

    redis.stop();
    HttpResponse<String> refusedLocally = chat(250);
    HttpResponse<String> smallLocally = chat(10);

    assertThat(untilRefused).startsWith(200).endsWith(429);
    assertThat(refusedLocally.statusCode()).isEqualTo(429);
    assertThat(SseClient.parse(refusedLocally.body()).path("limit").asText())
        .isEqualTo("tokens_per_day");
    assertThat(smallLocally.statusCode()).as("what the day has left is still there").isEqualTo(200);
    assertThat(health().path("services").path("redis").path("status").asText()).isEqualTo("down");
  }

  private HttpResponse<String> chat(int maxTokens) {
    return client.post(
        "/api/v1/converse",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":" + maxTokens + "}",
        Map.of("X-API-Key", API_KEY));
  }

  /**
   * Calls until a call is counted in Redis. After an outage Lettuce reconnects by itself; nothing
   * here asks it to.
   */
  private Answer awaitCountedInRedis() {
    long before = requestsCountedInRedis();
    Instant deadline = Instant.now().plusSeconds(15);
    while (Instant.now().isBefore(deadline)) {
      Answer answer = call();
      if (requestsCountedInRedis() > before) {
        return answer;
      }
      pause();
    }
    throw new AssertionError("the gateway did not count in Redis again after it came back");
  }

  private long requestsCountedInRedis() {
    String key = TestRedis.keysOf(TestGateways.keyIdOf(API_KEY)) + "requests";
    return TestRedis.query(redis.url(), commands -> commands.zcard(key));
  }

  private Answer call() {
    HttpResponse<String> response =
        assertTimeoutPreemptively(
            HANG,
            () ->
                client.post("/api/v1/converse", SseClient.chat("Hi"), Map.of("X-API-Key", API_KEY)),
            "a request hung on the dead Redis");
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("X-RateLimit-Remaining").map(Long::valueOf),
        response.body());
  }

  private JsonNode health() {
    return SseClient.parse(client.get("/health").body());
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
