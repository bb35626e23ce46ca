package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.HealthReport;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.domain.health.DependencyHealth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Asks each dependency how it is doing. */
public final class HealthService implements HealthUseCase {
  private final Set<DependencyProbe> probes;

  public HealthService(Set<DependencyProbe> probes) {
    this.probes = Set.copyOf(probes);
  }

  @Override
  public HealthReport check() {
    Map<String, DependencyHealth> results = new LinkedHashMap<>();
    probes.forEach(probe -> results.put(probe.name(), probe.check()));
    return HealthReport.of(results);
  }
}
