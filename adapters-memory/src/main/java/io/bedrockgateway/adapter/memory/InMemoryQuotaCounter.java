package io.bedrockgateway.adapter.memory;

import io.bedrockgateway.application.port.out.LocalQuotaCounter;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.QuotaStanding;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces every limit of a plan within this process: exact for one instance, per instance when
 * scaled out. The same rules as the Redis counter, whose stand-in it is while Redis is down: it
 * then carries on from the last counts Redis gave for each key.
 */
public final class InMemoryQuotaCounter implements LocalQuotaCounter {
  private final Clock clock;
  private final Map<KeyId, KeyCounts> countsByKey = new ConcurrentHashMap<>();

  public InMemoryQuotaCounter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AdmissionDecision admit(Principal principal, RequestId requestId, Demand demand) {
    KeyCounts counts = countsOf(principal.lineage());
    synchronized (counts) {
      return counts.admit(Reservation.admit(principal, requestId, demand, clock.instant()));
    }
  }

  @Override
  public void settle(Reservation reservation, Consumption actual) {
    Objects.requireNonNull(actual, "actual");
    KeyCounts counts = countsOf(reservation.keyId());
    synchronized (counts) {
      counts.settle(reservation, actual);
    }
  }

  @Override
  public void resumeFrom(KeyId key, QuotaStanding standing) {
    Objects.requireNonNull(standing, "standing");
    KeyCounts counts = countsOf(key);
    synchronized (counts) {
      counts.resumeFrom(standing);
    }
  }

  private KeyCounts countsOf(KeyId key) {
    return countsByKey.computeIfAbsent(key, id -> new KeyCounts());
  }
}
