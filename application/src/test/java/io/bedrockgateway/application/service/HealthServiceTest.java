package io.bedrockgateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.application.port.in.HealthReport;
import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.domain.health.DependencyHealth;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthServiceTest {

  @Test
  void isHealthyWhenEveryDependencyIsUp() {
    HealthReport report = new HealthService(Set.of(probe("redis", true, true))).check();

    assertThat(report.status()).isEqualTo(HealthReport.Status.HEALTHY);
    assertThat(report.dependencies()).containsKey("redis");
  }

  @Test
  void isDegradedWhenOnlyAnOptionalDependencyIsDown() {
    HealthReport report =
        new HealthService(Set.of(probe("redis", false, false), probe("bedrock", true, true)))
            .check();

    assertThat(report.status()).isEqualTo(HealthReport.Status.DEGRADED);
  }

  @Test
  void isUnhealthyWhenACriticalDependencyIsDown() {
    HealthReport report =
        new HealthService(Set.of(probe("redis", false, false), probe("bedrock", false, true)))
            .check();

    assertThat(report.status()).isEqualTo(HealthReport.Status.UNHEALTHY);
  }

  private static DependencyProbe probe(String name, boolean up, boolean critical) {
    return new DependencyProbe() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public DependencyHealth check() {
        return new DependencyHealth(up, critical, up ? "ok" : "down");
      }
    };
  }
}
