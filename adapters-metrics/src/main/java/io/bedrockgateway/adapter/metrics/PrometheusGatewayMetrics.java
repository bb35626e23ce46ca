package io.bedrockgateway.adapter.metrics;

import io.bedrockgateway.application.port.out.GatewayMetrics;
import io.bedrockgateway.application.port.out.ModelRequestRecord;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/** The gateway's metrics in a Prometheus registry, scraped as Prometheus text. */
final class PrometheusGatewayMetrics implements GatewayMetrics {
  private final PrometheusMeterRegistry registry;
  private final ModelRequestMeters models;
  private final HttpMeters http;

  PrometheusGatewayMetrics(PrometheusMeterRegistry registry, MetricsSettings settings) {
    this.registry = registry;
    this.models = new ModelRequestMeters(registry, settings);
    this.http = new HttpMeters(registry);
  }

  @Override
  public void modelRequest(ModelRequestRecord record) {
    models.record(record);
  }

  @Override
  public void httpExchange(String method, String route, int status, Duration took) {
    http.exchange(method, route, status, took);
  }

  @Override
  public void unauthenticated(String reason) {
    http.unauthenticated(reason);
  }

  @Override
  public String scrape() {
    return registry.scrape();
  }
}
