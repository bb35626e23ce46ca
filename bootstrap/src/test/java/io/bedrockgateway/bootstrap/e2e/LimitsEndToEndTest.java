package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.bootstrap.Gateway;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each limit of the default plan, as a client meets it: a 429 that names it and says when. */
class LimitsEndToEndTest {
  private static final String KEY = "limited-key-0123456789";
  private static final String STREAM = "/api/v1/bedrock/converse-stream";

  private Gateway gateway;
  private SseClient client;

  @AfterEach
  void stop() {
    gateway.close();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "RATE_LIMIT_TOKENS_PER_MINUTE, 150, tokens_per_minute",
    "RATE_LIMIT_TOKENS_PER_DAY,    150, tokens_per_day",
    "BUDGET_USD_PER_MONTH,     0.002, budget"
  })
  void aRequestBeyondALimitIsA429NamingIt(String variable, String value, String limit) {
    // The first reserves about 100 tokens ($0.0015) and settles to its few dozen; the second's
    // reservation of about 140 ($0.0021) does not fit beside them.
    start(Map.of(variable, value));

    HttpResponse<String> first = stream(100);
    HttpResponse<String> second = stream(140);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("X-RateLimit-Remaining")).contains("99");
    assertRateLimited(second, limit);
    assertThat(second.headers().firstValue("X-RateLimit-Remaining")).contains("99");
  }

  @Test
  void aStreamBeyondTheConcurrencyLimitIsA429UntilAnotherEnds() throws Exception {
    start(Map.of("MAX_CONCURRENT_STREAMS", "1"));
    TestGateways.emulator().clearRecordedRequests();
    HttpResponse<String> second;
    Future<HttpResponse<String>> first;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      first =
          pool.submit(
              () -> post(STREAM, "Slow [emulator:tokens=20] [emulator:token-delay-ms=100]", 100));
      second = awaitDenial();
    }

    assertThat(first.get().statusCode()).isEqualTo(200);
    assertRateLimited(second, "concurrency");
    assertThat(stream(100).statusCode()).isEqualTo(200);
  }

  /** Once the slow stream reached the model, it holds the only slot: the next stream is denied. */
  private HttpResponse<String> awaitDenial() throws InterruptedException {
    for (int wait = 0; wait < 100 && TestGateways.emulator().recordedRequests().isEmpty(); wait++) {
      Thread.sleep(20);
    }
    return stream(10);
  }

  private static void assertRateLimited(HttpResponse<String> response, String limit) {
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    JsonNode body = SseClient.parse(response.body());
    assertThat(body.path("error").asText()).isEqualTo("Rate limit exceeded");
    assertThat(body.path("limit").asText()).isEqualTo(limit);
    assertThat(body.path("retry_after").asLong()).isPositive();
    assertThat(body.path("detail").asText()).contains(limit);
  }

  private void start(Map<String, String> limits) {
    Map<String, String> variables = new HashMap<>(limits);
    variables.put("API_KEYS", KEY);
    gateway = TestGateways.start(variables);
    client = new SseClient(gateway.port());
  }

  private HttpResponse<String> stream(int maxTokens) {
    return post(STREAM, "Hello", maxTokens);
  }

  private HttpResponse<String> post(String path, String prompt, int maxTokens) {
    String body =
        "{\"messages\":[{\"role\":\"user\",\"content\":\""
            + prompt
            + "\"}],\"max_tokens\":"
            + maxTokens
            + "}";
    return client.post(path, body, Map.of("X-API-Key", KEY));
  }
}
