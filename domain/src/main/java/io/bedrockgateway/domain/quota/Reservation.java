package io.bedrockgateway.domain.quota;

import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Instant;
import java.util.Objects;

/** What an admission took from a key's limits, to be settled when the request ends. */
public record Reservation(
    KeyId keyId, RequestId requestId, Plan plan, Demand demand, Instant admittedAt) {
  public Reservation {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(demand, "demand");
    Objects.requireNonNull(admittedAt, "admittedAt");
  }
}
