package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsRouteTest {
  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void servesTheScrapeAsPrometheusText() {
    HttpResponse<String> response = server.send(server.request("/metrics"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(MetricsHandler.CONTENT_TYPE);
    assertThat(response.body()).isEqualTo(FakeMetricsUseCase.SCRAPE);
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
}
