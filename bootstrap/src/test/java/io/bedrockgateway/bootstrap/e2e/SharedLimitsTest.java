package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.redis.TestRedis;
import io.bedrockgateway.bootstrap.Gateway;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two complete gateways, two Guice graphs, sharing one Redis: a key's limits hold across both. */
class SharedLimitsTest {
  private static final String CONVERSE = "/api/v1/converse";
  private static final String STREAM = "/api/v1/converse-stream";

  private static String redisUrl;
  private final List<Gateway> gateways = new ArrayList<>();
  private final String apiKey = "team-" + UUID.randomUUID();

  @BeforeAll
  static void start() {
    redisUrl = TestRedis.url();
  }

  @AfterEach
  void stopGateways() {
    gateways.forEach(Gateway::close);
  }

  @Test
  void twoHundredConcurrentRequestsOverTwoInstancesAdmitExactlyTheLimit() throws Exception {
    List<SseClient> instances = startTwo(Map.of("RATE_LIMIT_REQUESTS", "50"));

    List<HttpResponse<String>> responses =
        concurrently(200, i -> instances.get(i % 2).post(CONVERSE, SseClient.chat("Hi"), key()));

    assertThat(responses).filteredOn(response -> response.statusCode() == 200).hasSize(50);
    List<HttpResponse<String>> denied =
        responses.stream().filter(response -> response.statusCode() != 200).toList();
    assertThat(denied)
        .hasSize(150)
        .allSatisfy(
            response -> {
              assertThat(response.statusCode()).isEqualTo(429);
              assertThat(SseClient.parse(response.body()).path("limit").asText())
                  .isEqualTo("requests");
              assertThat(response.headers().firstValue("Retry-After")).isPresent();
              assertThat(response.headers().firstValue("X-RateLimit-Remaining")).contains("0");
            });
  }

  @Test
  void concurrentStreamsOverTwoInstancesNeverSettleBeyondTheTokenBudget() throws Exception {
    long budget = 2_000;
    String prompt = "Hello [emulator:tokens=20] [emulator:token-delay-ms=5]";
    String body =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}],\"max_tokens\":100}";
    long oneReservation = (prompt.length() + 3) / 4 + 100;
    List<SseClient> instances =
        startTwo(
            Map.of("RATE_LIMIT_REQUESTS", "0", "RATE_LIMIT_TOKENS_PER_DAY", Long.toString(budget)));

    List<HttpResponse<String>> responses =
        concurrently(100, i -> instances.get(i % 2).post(STREAM, body, key()));

    long settled =
        responses.stream()
            .filter(response -> response.statusCode() == 200)
            .mapToLong(SharedLimitsTest::totalTokens)
            .sum();
    assertThat(settled).isPositive().isLessThanOrEqualTo(budget + oneReservation);
    assertThat(responses)
        .filteredOn(response -> response.statusCode() != 200)
        .isNotEmpty()
        .allSatisfy(
            response ->
                assertThat(SseClient.parse(response.body()).path("limit").asText())
                    .isEqualTo("tokens_per_day"));
    assertThat(tokensCountedTodayInRedis()).isEqualTo(settled);
  }

  private List<SseClient> startTwo(Map<String, String> limits) {
    Map<String, String> variables = new HashMap<>(limits);
    variables.put("API_KEYS", apiKey);
    variables.put("REDIS_URL", redisUrl);
    variables.put("REDIS_TIMEOUT_MS", "1000");
    List<SseClient> clients = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Gateway gateway = TestGateways.start(variables);
      gateways.add(gateway);
      clients.add(new SseClient(gateway.port()));
    }
    return clients;
  }

  private Map<String, String> key() {
    return Map.of("X-API-Key", apiKey);
  }

  private long tokensCountedTodayInRedis() {
    String today = Long.toString(LocalDate.now(ZoneOffset.UTC).toEpochDay());
    String key = TestRedis.keysOf(TestGateways.keyIdOf(apiKey)) + "tokens:day";
    return Long.parseLong(TestRedis.query(redisUrl, redis -> redis.hget(key, today)));
  }

  private static long totalTokens(HttpResponse<String> stream) {
    JsonNode last = SseClient.events(stream.body()).getLast();
    return last.path("metadata").path("usage").path("totalTokens").asLong();
  }

  private interface Call {
    HttpResponse<String> send(int index);
  }

  /** Sends {@code count} requests at once, released together. */
  private static List<HttpResponse<String>> concurrently(int count, Call call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> sent = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        int index = i;
        sent.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.send(index);
                }));
      }
      start.countDown();
    }
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (Future<HttpResponse<String>> response : sent) {
      responses.add(response.get());
    }
    return responses;
  }
}
