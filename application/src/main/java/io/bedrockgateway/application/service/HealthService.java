package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.HealthDetail;
import io.bedrockgateway.application.port.in.HealthReport;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.application.port.out.UsageBacklog;
import io.bedrockgateway.domain.health.DependencyHealth;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Asks each dependency how it is doing; in detail, also how long it took and the usage backlog. */
public final class HealthService implements HealthUseCase {
  private final Set<DependencyProbe> probes;
  private final UsageBacklog backlog;

  public HealthService(Set<DependencyProbe> probes, UsageBacklog backlog) {
    this.probes = Set.copyOf(probes);
    this.backlog = Objects.requireNonNull(backlog, "backlog");
  }

  @Override
  public HealthReport check() {
    Map<String, DependencyHealth> results = new LinkedHashMap<>();
    probes.forEach(probe -> results.put(probe.name(), probe.check()));
    return HealthReport.of(results);
  }

  @Override
  public HealthDetail detail() {
    Map<String, DependencyHealth> results = new LinkedHashMap<>();
    Map<String, Duration> times = new LinkedHashMap<>();
    for (DependencyProbe probe : probes) {
      long start = System.nanoTime();
      results.put(probe.name(), probe.check());
      times.put(probe.name(), Duration.ofNanos(System.nanoTime() - start));
    }
    return new HealthDetail(
        HealthReport.of(results), times, backlog.queued(), backlog.spooled(), backlog.lost());
  }
}
