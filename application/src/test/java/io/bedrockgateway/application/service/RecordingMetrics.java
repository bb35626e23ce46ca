package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.out.GatewayMetrics;
import io.bedrockgateway.application.port.out.ModelRequestRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps every model request the flow reports, for the services' tests to look at. */
final class RecordingMetrics implements GatewayMetrics {
  final List<ModelRequestRecord> requests = new ArrayList<>();
  final List<String> unauthenticated = new ArrayList<>();

  @Override
  public void modelRequest(ModelRequestRecord record) {
    requests.add(record);
  }

  @Override
  public void httpExchange(String method, String route, int status, Duration took) {
    throw new UnsupportedOperationException("the services record no HTTP exchanges");
  }

  @Override
  public void unauthenticated(String reason) {
    unauthenticated.add(reason);
  }

  @Override
  public String scrape() {
    throw new UnsupportedOperationException("the services scrape nothing");
  }
}
