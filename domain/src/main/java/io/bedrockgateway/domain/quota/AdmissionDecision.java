package io.bedrockgateway.domain.quota;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The answer of one atomic check of every limit of a plan. */
public sealed interface AdmissionDecision {

  /** Where the key stands against its request limit, if its plan has one. */
  Optional<RateLimitStatus> status();

  record Admitted(Reservation reservation, Optional<RateLimitStatus> status)
      implements AdmissionDecision {
    public Admitted {
      Objects.requireNonNull(reservation, "reservation");
      Objects.requireNonNull(status, "status");
    }
  }

  /** Denied by {@code limit}; a denied request consumed nothing. */
  record Denied(LimitKind limit, Duration retryAfter, Optional<RateLimitStatus> status)
      implements AdmissionDecision {
    public Denied {
      Objects.requireNonNull(limit, "limit");
      Objects.requireNonNull(retryAfter, "retryAfter");
      Objects.requireNonNull(status, "status");
      if (retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative");
      }
    }
  }
}
