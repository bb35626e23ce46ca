package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.MetricsUseCase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps the exchanges the server reported, and scrapes them as the metrics adapter would its HTTP
 * counter: one series of {@value #HTTP_REQUESTS} per method, route and status, in Prometheus text.
 */
final class FakeMetricsUseCase implements MetricsUseCase {
  static final String HTTP_REQUESTS = "bedrock_gateway_http_requests_total";

  record Exchange(String method, String route, int status) {
    /** This exchange's series of {@value #HTTP_REQUESTS}, as a scrape names it. */
    String series() {
      return HTTP_REQUESTS
          + "{method=\""
          + method
          + "\",route=\""
          + route
          + "\",status=\""
          + status
          + "\"}";
    }
  }

  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  @Override
  public void exchanged(String method, String route, int status, Duration took) {
    exchanges.add(new Exchange(method, route, status));
  }

  @Override
  public String scrape() {
    Map<String, Long> counts = new LinkedHashMap<>();
    exchanges.forEach(exchange -> counts.merge(exchange.series(), 1L, Long::sum));
    StringBuilder text =
        new StringBuilder()
            .append("# HELP ")
            .append(HTTP_REQUESTS)
            .append(" HTTP exchanges by method, route and status\n")
            .append("# TYPE ")
            .append(HTTP_REQUESTS)
            .append(" counter\n");
    counts.forEach(
        (series, count) -> text.append(series).append(' ').append((double) count).append('\n'));
    return text.toString();
  }
}
