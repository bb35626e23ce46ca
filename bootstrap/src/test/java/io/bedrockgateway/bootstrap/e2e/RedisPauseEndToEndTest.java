package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.adapter.redis.RedisServerProcess;
import io.bedrockgateway.adapter.redis.TestRedis;
import io.bedrockgateway.bootstrap.Gateway;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis frozen for 300 ms (SIGSTOP, then SIGCONT) while many requests run through a gateway with
 * its default Redis settings. A pause that short is a slow reply, not an outage: nothing is refused
 * meanwhile, and it leaves no reservation behind that would refuse a later request the limit still
 * allows.
 */
class RedisPauseEndToEndTest {
  private static final String API_KEY = "pause-key-0123456789";
  private static final int CLIENTS = 16;
  private static final long TOKENS_PER_DAY = 20_000;
  // "Hi" is estimated at one token; every request reserves that and its max_tokens.
  private static final long PROMPT_TOKENS = 1;
  private static final int SMALL_MAX_TOKENS = 100;
  // Leeway for the estimate; a reservation never settled (at least 101 tokens) exceeds it.
  private static final long LEEWAY = 10;

  private RedisServerProcess redis;
  private Gateway gateway;

  private record Answer(int status, long tokens) {}

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void aShortPauseUnderLoadRefusesNothingTheLimitAllows() throws Exception {
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
                Long.toString(TOKENS_PER_DAY)));
    SseClient client = new SseClient(gateway.port());
    List<Answer> underLoad = new ArrayList<>();
    AtomicBoolean loadRunning = new AtomicBoolean(true);
    List<Future<?>> clients = new ArrayList<>();

    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(
            pool.submit(
                () -> {
                  while (loadRunning.get()) {
                    Answer answer = call(client, SMALL_MAX_TOKENS);
                    synchronized (underLoad) {
                      underLoad.add(answer);
                    }
                  }
                  return null;
                }));
      }
      IntSupplier answered =
          () -> {
            synchronized (underLoad) {
              return underLoad.size();
            }
          };
      awaitAnswers(answered, 100);
      redis.freeze(true);
      Thread.sleep(300);
      redis.freeze(false);
      awaitAnswers(answered, answered.getAsInt() + 100);
      loadRunning.set(false);
    }
    for (Future<?> each : clients) {
      each.get();
    }
    List<Answer> afterwards = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      afterwards.add(call(client, SMALL_MAX_TOKENS));
    }
    long used =
        underLoad.stream().mapToLong(Answer::tokens).sum()
            + afterwards.stream().mapToLong(Answer::tokens).sum();
    // All the limit has left, as the requests' own usage says: it fits unless something that was
    // never used is still counted.
    long left = TOKENS_PER_DAY - used;
    Answer rest = call(client, Math.toIntExact(left - PROMPT_TOKENS - LEEWAY));

    assertThat(underLoad).extracting(Answer::status).doesNotContain(429).containsOnly(200);
    assertThat(afterwards).extracting(Answer::status).containsOnly(200);
    assertThat(left).as("the load left room").isGreaterThan(1_000);
    assertThat(rest.status()).as("a request for what the limit has left").isEqualTo(200);
  }

  private static Answer call(SseClient client, int maxTokens) {
    String body =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":" + maxTokens + "}";
    HttpResponse<String> response =
        client.post("/api/v1/converse", body, Map.of("X-API-Key", API_KEY));
    long tokens =
        response.statusCode() == 200
            ? SseClient.parse(response.body()).path("usage").path("totalTokens").asLong()
            : 0;
    return new Answer(response.statusCode(), tokens);
  }

  /** Waits, with a generous guard against a hang, until the load has had {@code count} answers. */
  private static void awaitAnswers(IntSupplier answered, int count) throws InterruptedException {
    Instant giveUp = Instant.now().plusSeconds(60);
    while (answered.getAsInt() < count) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("the load got only " + answered.getAsInt() + " answers");
      }
      Thread.sleep(10);
    }
  }
}
