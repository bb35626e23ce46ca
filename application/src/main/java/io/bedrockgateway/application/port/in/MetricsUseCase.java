package io.bedrockgateway.application.port.in;

import java.time.Duration;

/** The gateway's metrics: HTTP exchanges recorded as they end, and the scrape. */
public interface MetricsUseCase {
  /**
   * @param route the route template (e.g. {@code /api/v1/converse}), never the raw path
   */
  void exchanged(String method, String route, int status, Duration took);

  /** The current values, as text for a scraper (Prometheus text format). */
  String scrape();
}
