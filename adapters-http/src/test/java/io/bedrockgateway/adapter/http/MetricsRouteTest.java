package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.MetricsHandler;
import io.bedrockgateway.adapter.http.common.RequestEnd;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsRouteTest {
  /** A line of the Prometheus text format: a comment, or a sample with optional labels. */
  private static final Pattern EXPOSITION_LINE =
      Pattern.compile(
          "# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+"
              + "|[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\""
              + "(,[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\")*})? [-+]?([0-9.]+([eE][-+]?[0-9]+)?|NaN|Inf)");

  private static final String CONVERSE =
      new FakeMetricsUseCase.Exchange("POST", "/api/v1/converse", 200).series();
  private static final String SCRAPES =
      new FakeMetricsUseCase.Exchange("GET", "/metrics", 200).series();

  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  /** Each scrape is taken as it is asked for, so it shows the requests served until then. */
  @Test
  void servesTheScrapeAsPrometheusText() {
    HttpResponse<String> first = server.send(server.request("/metrics"));
    server.converse(HELLO);
    server.converse(HELLO);
    HttpResponse<String> second = server.send(server.request("/metrics"));

    for (HttpResponse<String> response : List.of(first, second)) {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .contains(MetricsHandler.CONTENT_TYPE);
      assertThat(response.body())
          .endsWith("\n")
          .contains("# TYPE " + FakeMetricsUseCase.HTTP_REQUESTS + " counter");
      assertThat(response.body().lines())
          .allSatisfy(line -> assertThat(line).matches(EXPOSITION_LINE));
    }
    assertThat(value(first.body(), CONVERSE)).isEmpty();
    assertThat(value(first.body(), SCRAPES)).isEmpty();
    assertThat(value(second.body(), CONVERSE)).contains(2.0);
    assertThat(value(second.body(), SCRAPES)).contains(1.0);
  }

  @Test
  void recordsEachExchangeByRouteTemplateAndStatus() {
    server.converse(HELLO);
    server.send(server.adminRequest("/admin/v1/keys/some-key-id"));
    server.send(server.request("/no/such/path"));

    assertThat(server.metrics.exchanges)
        .containsExactly(
            new FakeMetricsUseCase.Exchange("POST", "/api/v1/converse", 200),
            new FakeMetricsUseCase.Exchange("GET", "/admin/v1/keys/{id}", 401),
            new FakeMetricsUseCase.Exchange("GET", RequestEnd.UNMATCHED, 404));
  }

  @Test
  void aNonStreamedAnswerTellsTheGatewaysOverhead() {
    HttpResponse<String> response = server.converse(HELLO);

    // the test clock stands still: all of the answer's time was upstream
    assertThat(response.headers().firstValue(GatewayHeaders.OVERHEAD_MS)).contains("0.000");
  }

  /** The value of one series in a scrape, if the scrape has it. */
  private static Optional<Double> value(String scrape, String series) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .map(line -> Double.valueOf(line.substring(series.length() + 1)))
        .findFirst();
  }
}
