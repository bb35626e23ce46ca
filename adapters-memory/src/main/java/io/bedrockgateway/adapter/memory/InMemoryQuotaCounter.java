package io.bedrockgateway.adapter.memory;

import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.RequestRate;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces plans within this process only: exact for one instance, per instance when scaled out.
 */
public final class InMemoryQuotaCounter implements QuotaCounter {
  private final Clock clock;
  private final Map<KeyId, SlidingWindowLog> requestLogs = new ConcurrentHashMap<>();

  public InMemoryQuotaCounter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AdmissionDecision admit(Principal principal, RequestId requestId, Demand demand) {
    Reservation reservation =
        new Reservation(principal.keyId(), requestId, principal.plan(), demand, clock.instant());
    Optional<RequestRate> rate = principal.plan().requests();
    if (rate.isEmpty()) {
      return new AdmissionDecision.Admitted(reservation, Optional.empty());
    }
    return admitRequest(reservation, rate.get());
  }

  private AdmissionDecision admitRequest(Reservation reservation, RequestRate rate) {
    SlidingWindowLog log =
        requestLogs.computeIfAbsent(reservation.keyId(), id -> new SlidingWindowLog());
    synchronized (log) {
      Instant now = clock.instant();
      log.forgetBefore(now.minus(rate.window()));
      if (log.size() >= rate.limit()) {
        Instant freeAt = log.nextSlotFreeAt(rate.window(), now);
        RateLimitStatus status = new RateLimitStatus(rate.limit(), 0, freeAt);
        return new AdmissionDecision.Denied(
            LimitKind.REQUESTS, Duration.between(now, freeAt), Optional.of(status));
      }
      log.record(now);
      RateLimitStatus status =
          new RateLimitStatus(
              rate.limit(), rate.limit() - log.size(), log.nextSlotFreeAt(rate.window(), now));
      return new AdmissionDecision.Admitted(reservation, Optional.of(status));
    }
  }

  /** Request counts are final at admission; nothing of a request-only plan is left to settle. */
  @Override
  public void settle(Reservation reservation, Consumption actual) {
    Objects.requireNonNull(reservation, "reservation");
    Objects.requireNonNull(actual, "actual");
  }
}
