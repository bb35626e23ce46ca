package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.out.LocalQuotaCounter;
import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.QuotaCounterUnavailable;
import io.bedrockgateway.application.port.out.QuotaFallbacks;
import io.bedrockgateway.application.port.out.SharedQuotaCounter;
import io.bedrockgateway.domain.error.DependencyUnavailable;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.QuotaStanding;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.quota.ReservationId;
import io.bedrockgateway.domain.request.RequestId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts in the shared counter and, while it is unavailable, admits as the {@link QuotaFailureMode}
 * says. In {@link QuotaFailureMode#LOCAL} the local counter carries on from the last counts the
 * shared counter gave for each key, so an outage gives no key a fresh window, day or month. Every
 * reservation is settled by the counter that made it. The outage and the recovery are logged once
 * each, not per request; the requests the failure mode answered are counted ({@link
 * QuotaFallbacks}).
 */
public final class FailureModeQuotaCounter implements QuotaCounter, QuotaFallbacks {
  private static final System.Logger LOG =
      System.getLogger(FailureModeQuotaCounter.class.getName());

  private final SharedQuotaCounter shared;
  private final QuotaFailureMode mode;
  private final QuotaCounter standIn;
  private final LocalQuotaCounter local;
  private final Map<ReservationId, QuotaCounter> madeByStandIn = new ConcurrentHashMap<>();
  private final Map<KeyId, QuotaStanding> resumedFrom = new ConcurrentHashMap<>();
  private final AtomicBoolean sharedDown = new AtomicBoolean();
  private final LongAdder withoutShared = new LongAdder();

  /**
   * @param local the counter that enforces plans in this instance's memory, used in {@link
   *     QuotaFailureMode#LOCAL}
   */
  public FailureModeQuotaCounter(
      SharedQuotaCounter shared, LocalQuotaCounter local, QuotaFailureMode mode, Clock clock) {
    this.shared = Objects.requireNonNull(shared, "shared");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.local = mode == QuotaFailureMode.LOCAL ? Objects.requireNonNull(local, "local") : null;
    this.standIn = mode == QuotaFailureMode.LOCAL ? local : new UncountedAdmissions(clock);
  }

  @Override
  public AdmissionDecision admit(Principal principal, RequestId requestId, Demand demand) {
    AdmissionDecision decision;
    try {
      decision = shared.admit(principal, requestId, demand);
    } catch (QuotaCounterUnavailable down) {
      noteDown(down);
      return admitWithoutShared(principal, requestId, demand);
    }
    if (sharedDown.compareAndSet(true, false)) {
      LOG.log(Level.INFO, "The shared quota counter is back: limits hold across instances again");
    }
    return decision;
  }

  @Override
  public void settle(Reservation reservation, Consumption actual) {
    QuotaCounter maker = madeByStandIn.remove(reservation.id());
    if (maker != null) {
      maker.settle(reservation, actual);
      return;
    }
    try {
      shared.settle(reservation, actual);
    } catch (QuotaCounterUnavailable down) {
      // The reservation stays counted as estimated until its counters expire: an over-count.
      noteDown(down);
    }
  }

  @Override
  public long decidedWithoutShared() {
    return withoutShared.sum();
  }

  private AdmissionDecision admitWithoutShared(
      Principal principal, RequestId requestId, Demand demand) {
    withoutShared.increment();
    if (mode == QuotaFailureMode.CLOSED) {
      throw new DependencyUnavailable(
          "The gateway cannot check this key's limits right now; try again shortly.");
    }
    if (local != null) {
      resumeFromShared(principal.keyId());
    }
    AdmissionDecision decision = standIn.admit(principal, requestId, demand);
    if (decision instanceof AdmissionDecision.Admitted admitted) {
      madeByStandIn.put(admitted.reservation().id(), standIn);
    }
    return decision;
  }

  /** Once per key and per answer of the shared counter: what it said last is where local starts. */
  private void resumeFromShared(KeyId key) {
    shared
        .lastStanding(key)
        .ifPresent(
            standing -> {
              if (!standing.equals(resumedFrom.put(key, standing))) {
                local.resumeFrom(key, standing);
              }
            });
  }

  private void noteDown(QuotaCounterUnavailable down) {
    if (sharedDown.compareAndSet(false, true)) {
      LOG.log(
          Level.WARNING,
          "The shared quota counter is unavailable ({0}): {1}",
          down.getMessage(),
          mode.consequence());
    }
  }
}
