package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.HealthDetail;
import io.bedrockgateway.application.port.in.HealthReport;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.bedrockgateway.application.port.in.UsageReportCommand.Viewer;
import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.health.DependencyHealth;
import io.bedrockgateway.domain.key.ApiKeySecret;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reports what it is told; accepts the test server's key and the operator for the detail. */
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
  public HealthDetail detail(Viewer viewer) {
    if (viewer instanceof Viewer.KeyHolder holder
        && !holder.apiKey().equals(Optional.of(new ApiKeySecret(TestServer.KEY)))) {
      throw new Unauthorized(
          holder.apiKey().isEmpty()
              ? Unauthorized.Reason.MISSING_KEY
              : Unauthorized.Reason.INVALID_KEY);
    }
    HealthReport now = report;
    Map<String, Duration> times = new HashMap<>();
    now.dependencies().keySet().forEach(name -> times.put(name, Duration.ofMillis(2)));
    return new HealthDetail(now, times, 1, 2, 0);
  }
}
