package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.MetricsUseCase;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /metrics}: the Prometheus text exposition, for a scraper. */
final class MetricsHandler implements Handler {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final MetricsUseCase metrics;

  MetricsHandler(MetricsUseCase metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(Context ctx) {
    ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
  }
}
