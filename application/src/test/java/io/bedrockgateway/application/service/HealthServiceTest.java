package io.bedrockgateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.application.port.in.HealthDetail;
import io.bedrockgateway.application.port.in.HealthReport;
import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.application.port.out.UsageBacklog;
import io.bedrockgateway.domain.health.DependencyHealth;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthServiceTest {
  @Test
  void isHealthyWhenEveryDependencyIsUp() {
    HealthReport report = service(Set.of(probe("redis", true, true))).check();

    assertThat(report.status()).isEqualTo(HealthReport.Status.HEALTHY);
    assertThat(report.dependencies()).containsKey("redis");
  }

  @Test
  void isDegradedWhenOnlyAnOptionalDependencyIsDown() {
    HealthReport report =
        service(Set.of(probe("redis", false, false), probe("bedrock", true, true))).check();

    assertThat(report.status()).isEqualTo(HealthReport.Status.DEGRADED);
  }

  @Test
  void isUnhealthyWhenACriticalDependencyIsDown() {
    HealthReport report =
        service(Set.of(probe("redis", false, false), probe("bedrock", false, true))).check();

    assertThat(report.status()).isEqualTo(HealthReport.Status.UNHEALTHY);
  }

  @Test
  void givesTheOperatorTheDetailWithCheckTimesAndTheUsageBacklog() {
    HealthDetail detail = service(Set.of(probe("redis", true, false))).detail();

    assertThat(detail.report().status()).isEqualTo(HealthReport.Status.HEALTHY);
    assertThat(detail.checkTimes()).containsOnlyKeys("redis");
    assertThat(detail.usageQueued()).isEqualTo(1);
    assertThat(detail.usageSpooled()).isEqualTo(3);
  }

  private static HealthService service(Set<DependencyProbe> probes) {
    UsageBacklog backlog =
        new UsageBacklog() {
          @Override
          public long queued() {
            return 1;
          }

          @Override
          public long spooled() {
            return 3;
          }

          @Override
          public long lost() {
            return 0;
          }
        };
    return new HealthService(probes, backlog);
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
