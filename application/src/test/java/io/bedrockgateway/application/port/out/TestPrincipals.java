package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.RequestRate;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Principals with fresh key ids, so contract tests never share counters. */
public final class TestPrincipals {
  private TestPrincipals() {}

  public static Principal withRequestLimit(long limit, Duration window) {
    return withPlan(Plan.unlimited("test").withRequests(new RequestRate(limit, window)));
  }

  public static Principal unlimited() {
    return withPlan(Plan.unlimited("unlimited"));
  }

  public static Principal withPlan(Plan plan) {
    KeyId id = new KeyId(UUID.randomUUID().toString().replace("-", ""));
    return new Principal(
        id,
        "test-" + id,
        Optional.of("app"),
        Optional.of("dept"),
        Optional.of("project"),
        plan,
        Set.of());
  }
}
