package io.bedrockgateway.domain.quota;

import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Instant;
import java.util.Objects;

/**
 * What an admission took from a key's limits, to be settled when the request ends.
 *
 * @param admittedAt when the counter admitted it, by the counter's own clock: settlement adjusts
 *     the minute, day and month the reservation was counted in
 */
public record Reservation(
    ReservationId id,
    KeyId keyId,
    RequestId requestId,
    Plan plan,
    Demand demand,
    Instant admittedAt) {
  public Reservation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(demand, "demand");
    Objects.requireNonNull(admittedAt, "admittedAt");
  }

  /** A new admission of {@code principal}'s request, held to the principal's plan. */
  public static Reservation admit(
      Principal principal, RequestId requestId, Demand demand, Instant admittedAt) {
    return new Reservation(
        ReservationId.generate(),
        principal.lineage(),
        requestId,
        principal.plan(),
        demand,
        admittedAt);
  }
}
