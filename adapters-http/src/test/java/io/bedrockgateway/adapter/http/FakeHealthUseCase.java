package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.HealthDetail;
import io.bedrockgateway.application.port.in.HealthReport;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.bedrockgateway.domain.health.DependencyHealth;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Reports what it is told. */
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

  @Override
  public HealthDetail detail() {
    HealthReport now = report;
    Map<String, Duration> times = new HashMap<>();
    now.dependencies().keySet().forEach(name -> times.put(name, Duration.ofMillis(2)));
    return new HealthDetail(now, times, 1, 2, 0);
  }
}
