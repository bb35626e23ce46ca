package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.application.port.in.MetricsUseCase;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /metrics}: the Prometheus text exposition, for a scraper. */
public final class MetricsHandler implements Handler {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final MetricsUseCase metrics;

  public MetricsHandler(MetricsUseCase metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(Context ctx) {
    ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
  }
}
