package io.bedrockgateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.application.port.in.HealthDetail;
import io.bedrockgateway.application.port.in.HealthReport;
import io.bedrockgateway.application.port.in.UsageReportCommand.Viewer;
import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.application.port.out.UsageBacklog;
import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.health.DependencyHealth;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.ApiKeySecret;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthServiceTest {
  private static final ApiKeySecret KEY = new ApiKeySecret("bgw_health_key");

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
  void givesTheDetailToAValidKeyWithCheckTimesAndTheUsageBacklog() {
    HealthDetail detail =
        service(Set.of(probe("redis", true, false))).detail(new Viewer.KeyHolder(Optional.of(KEY)));

    assertThat(detail.report().status()).isEqualTo(HealthReport.Status.HEALTHY);
    assertThat(detail.checkTimes()).containsOnlyKeys("redis");
    assertThat(detail.usageSpooled()).isEqualTo(3);
  }

  @Test
  void refusesTheDetailWithoutAValidKey() {
    HealthService service = service(Set.of(probe("redis", true, false)));

    assertThatThrownBy(() -> service.detail(new Viewer.KeyHolder(Optional.empty())))
        .isInstanceOf(Unauthorized.class);
    assertThatThrownBy(
            () -> service.detail(new Viewer.KeyHolder(Optional.of(new ApiKeySecret("bgw_nope")))))
        .isInstanceOf(Unauthorized.class);
    assertThat(service.detail(new Viewer.Operator()).checkTimes()).containsOnlyKeys("redis");
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
    return new HealthService(
        probes,
        backlog,
        new KeysByHash(ApiKeyRecord.active(KEY.hash(), TestPrincipals.unlimited())),
        Clock.systemUTC());
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
