package io.bedrockgateway.domain.quota;

import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.plan.Plan;
import java.util.Objects;

/** What an admission took from a key's limits, to be settled when the request ends. */
public record Reservation(KeyId keyId, Plan plan) {
  public Reservation {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(plan, "plan");
  }
}
