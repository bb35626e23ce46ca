package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.MetricsUseCase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the exchanges the server reported; scrapes to a fixed text. */
final class FakeMetricsUseCase implements MetricsUseCase {
  static final String SCRAPE = "# TYPE bedrock_gateway_http_requests_total counter\n";

  record Exchange(String method, String route, int status) {}

  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  @Override
  public void exchanged(String method, String route, int status, Duration took) {
    exchanges.add(new Exchange(method, route, status));
  }

  @Override
  public String scrape() {
    return SCRAPE;
  }
}
