package io.bedrockgateway.bootstrap.e2e;

import io.bedrockgateway.application.port.out.GatewayMetrics;
import io.bedrockgateway.application.port.out.ModelRequestRecord;
import java.time.Duration;

/** Metrics that record nothing, for tests that wire the services by hand. */
final class NoMetrics implements GatewayMetrics {
  @Override
  public void modelRequest(ModelRequestRecord record) {}

  @Override
  public void httpExchange(String method, String route, int status, Duration took) {}

  @Override
  public void unauthenticated(String reason) {}

  @Override
  public String scrape() {
    return "";
  }
}
