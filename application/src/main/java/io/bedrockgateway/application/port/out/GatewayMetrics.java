package io.bedrockgateway.application.port.out;

import java.time.Duration;

/**
 * Where the gateway's measurements go: one record per model request, one per HTTP exchange, and the
 * current values in the exposition format of the metrics backend. Recording must be cheap and must
 * never fail the request.
 */
public interface GatewayMetrics {
  void modelRequest(ModelRequestRecord record);

  /**
   * @param route the route template (e.g. {@code /api/v1/converse}), never the raw path
   */
  void httpExchange(String method, String route, int status, Duration took);

  /**
   * A request refused for its key before anything else of it was read, counted in aggregate only.
   *
   * @param reason why, e.g. {@code missing_api_key} or {@code invalid_api_key}
   */
  void unauthenticated(String reason);

  /** The current values, as text for a scraper. */
  String scrape();
}
