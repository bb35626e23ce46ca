package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.health.DependencyHealth;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/** Overall status and each dependency's, by name. */
public record HealthReport(Status status, Map<String, DependencyHealth> dependencies) {
  public enum Status {
    /** Every dependency is up. */
    HEALTHY,
    /** Something is down but the gateway still serves (e.g. limits enforced locally). */
    DEGRADED,
    /** A dependency the gateway cannot serve without is down. */
    UNHEALTHY
  }

  public HealthReport {
    Objects.requireNonNull(status, "status");
    dependencies = Map.copyOf(Objects.requireNonNull(dependencies, "dependencies"));
  }

  public static HealthReport of(Map<String, DependencyHealth> dependencies) {
    Collection<DependencyHealth> all = dependencies.values();
    Status status =
        all.stream().anyMatch(health -> !health.up() && health.critical())
            ? Status.UNHEALTHY
            : all.stream().anyMatch(health -> !health.up()) ? Status.DEGRADED : Status.HEALTHY;
    return new HealthReport(status, dependencies);
  }
}
