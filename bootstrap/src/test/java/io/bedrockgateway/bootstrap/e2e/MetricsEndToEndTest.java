package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.bootstrap.Gateway;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A live gateway's {@code /metrics} after a few requests (a chat, a stream, an upstream failure, a
 * 429), and the Grafana dashboard that reads it.
 */
class MetricsEndToEndTest {
  private static final String KEY = "metrics-key-0123456789";
  private static final Map<String, String> AUTH = Map.of("X-API-Key", KEY);
  private static final Path DASHBOARD =
      Path.of("..", "deploy", "grafana", "dashboards", "bedrock-gateway.json")
          .toAbsolutePath()
          .normalize();
  private static final Pattern METRIC_NAME =
      Pattern.compile("\\b((?:bedrock_gateway|jvm|process)_[a-z_]+)\\b");

  private static Gateway gateway;
  private static HttpResponse<String> chat;
  private static String scrape;

  @BeforeAll
  static void makeSomeRequestsAndScrape() {
    gateway = TestGateways.start(Map.of("API_KEYS", KEY, "RATE_LIMIT_REQUESTS", "4"));
    SseClient client = new SseClient(gateway.port());
    chat = client.post("/api/v1/converse", SseClient.chat("Hello"), AUTH);
    client.post("/api/v1/converse-stream", SseClient.chat("Hello again"), AUTH);
    client.post("/api/v1/converse", SseClient.chat("[emulator:throttle]"), AUTH);
    client.post("/api/v1/converse", SseClient.chat("one too many"), AUTH);
    client.post("/api/v1/converse", SseClient.chat("and another"), AUTH);
    scrape = client.get("/metrics").body();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void showsNonZeroRequestTokenCostAndOverheadSeries() {
    assertThat(chat.statusCode()).isEqualTo(200);
    assertThat(chat.headers().firstValue("X-Gateway-Overhead-Ms")).isPresent();
    assertThat(positive("bedrock_gateway_requests_total")).isTrue();
    assertThat(positive("bedrock_gateway_tokens_total")).isTrue();
    assertThat(positive("bedrock_gateway_cost_usd_total")).isTrue();
    assertThat(positive("bedrock_gateway_key_tokens_total")).isTrue();
    assertThat(positive("bedrock_gateway_overhead_seconds_count")).isTrue();
    assertThat(positive("bedrock_gateway_time_to_first_token_seconds_count")).isTrue();
    assertThat(scrape)
        .contains("bedrock_gateway_rate_limit_denials_total{limit=\"requests\"}")
        .contains("bedrock_gateway_upstream_errors_total{type=\"upstream_throttled\"}")
        .contains("bedrock_gateway_dependency_up{dependency=")
        .contains("route=\"/api/v1/converse\",status=\"429\"")
        .doesNotContain(KEY);
  }

  /** The route serves the live registry: a chat moves the gateway's own counters, by one. */
  @Test
  void aScrapeAfterAChatShowsItCountedByTheGatewaysOwnMeters() {
    try (Gateway own = TestGateways.start(Map.of("API_KEYS", KEY))) {
      SseClient client = new SseClient(own.port());
      HttpResponse<String> before = client.get("/metrics");
      HttpResponse<String> answered =
          client.post("/api/v1/converse", SseClient.chat("Hello"), AUTH);
      HttpResponse<String> after = client.get("/metrics");

      assertThat(answered.statusCode()).isEqualTo(200);
      assertThat(List.of(before, after))
          .allSatisfy(
              scrape ->
                  assertThat(scrape.headers().firstValue("Content-Type"))
                      .hasValueSatisfying(
                          type -> assertThat(type).startsWith("text/plain; version=0.0.4")));
      String chats =
          "bedrock_gateway_http_requests_total{method=\"POST\",route=\"/api/v1/converse\","
              + "status=\"200\"}";
      String succeeded = "bedrock_gateway_requests_total{";
      String converse = "operation=\"converse\",outcome=\"succeeded\"}";
      assertThat(sum(after.body(), chats, "") - sum(before.body(), chats, "")).isEqualTo(1);
      assertThat(sum(after.body(), succeeded, converse) - sum(before.body(), succeeded, converse))
          .isEqualTo(1);
    }
  }

  @Test
  void everyMetricTheDashboardQueriesIsEmitted() throws IOException {
    Set<String> queried = queriedNames(new ObjectMapper().readTree(DASHBOARD.toFile()));
    Set<String> emitted = new TreeSet<>();
    scrape
        .lines()
        .filter(line -> !line.startsWith("#") && !line.isBlank())
        .map(line -> line.split("[{ ]", 2)[0])
        .forEach(emitted::add);

    assertThat(queried).isNotEmpty();
    assertThat(emitted).containsAll(queried);
  }

  private static Set<String> queriedNames(JsonNode dashboard) {
    Set<String> names = new TreeSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        Matcher matcher = METRIC_NAME.matcher(target.get("expr").asText());
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    }
    return names;
  }

  /** The sum of the series that start with {@code start} and whose labels end with {@code end}. */
  private static double sum(String scrape, String start, String end) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(start))
        .filter(line -> line.substring(0, line.lastIndexOf(' ')).endsWith(end))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** Whether some series of {@code name} has a value above zero. */
  private static boolean positive(String name) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .anyMatch(value -> value > 0);
  }
}
