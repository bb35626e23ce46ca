package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.MetricsUseCase;
import io.bedrockgateway.application.port.out.GatewayMetrics;
import java.time.Duration;
import java.util.Objects;

/** Hands HTTP exchanges to the metrics and reads them back for a scraper. */
public final class MetricsService implements MetricsUseCase {
  private final GatewayMetrics metrics;

  public MetricsService(GatewayMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public void exchanged(String method, String route, int status, Duration took) {
    metrics.httpExchange(method, route, status, took);
  }

  @Override
  public String scrape() {
    return metrics.scrape();
  }
}
