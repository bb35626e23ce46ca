package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.HealthReport;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.bedrockgateway.domain.health.DependencyHealth;
import java.util.Map;

final class FakeHealthUseCase implements HealthUseCase {
  private volatile HealthReport report =
      HealthReport.of(Map.of("bedrock", DependencyHealth.up("configured")));

  void reports(HealthReport report) {
    this.report = report;
  }

  @Override
  public HealthReport check() {
    return report;
  }
}
