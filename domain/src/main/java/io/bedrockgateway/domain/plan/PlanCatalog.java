package io.bedrockgateway.domain.plan;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The configured plans by name, and the one a key without a plan gets. */
public record PlanCatalog(Plan defaultPlan, Map<String, Plan> byName) {
  public PlanCatalog {
    Objects.requireNonNull(defaultPlan, "defaultPlan");
    byName = Map.copyOf(byName);
    byName.forEach(
        (name, plan) -> {
          if (!name.equals(plan.name())) {
            throw new IllegalArgumentException("plan " + plan.name() + " is listed as " + name);
          }
        });
  }

  public static PlanCatalog of(Plan defaultPlan) {
    return new PlanCatalog(defaultPlan, Map.of(defaultPlan.name(), defaultPlan));
  }

  /** The named plan, or empty when no plan has that name. */
  public Optional<Plan> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
