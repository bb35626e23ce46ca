package io.bedrockgateway.adapter.memory;

import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.RequestRate;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.quota.QuotaStanding;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.quota.ReservationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything counted for one key, checked and reserved together. Callers synchronize on the
 * instance.
 */
final class KeyCounts {
  /** A stream slot frees when some stream ends, which no counter can foresee. */
  static final Duration STREAM_RETRY = Duration.ofSeconds(1);

  private final SlidingWindowLog requests = new SlidingWindowLog();
  private final MinuteBuckets minuteTokens = new MinuteBuckets();
  private final CalendarCounter dayTokens = new CalendarCounter(CalendarCounter.Period.DAY);
  private final CalendarCounter monthSpend = new CalendarCounter(CalendarCounter.Period.MONTH);
  private final Set<ReservationId> openStreams = new HashSet<>();

  private record Denial(LimitKind limit, Duration retryAfter) {}

  /**
   * Admits {@code pending} if every limit of its plan allows it; the longest wait names a denial.
   */
  AdmissionDecision admit(Reservation pending) {
    Plan plan = pending.plan();
    Demand demand = pending.demand();
    Instant now = pending.admittedAt();
    plan.requests().ifPresent(rate -> requests.forgetBefore(now.minus(rate.window())));
    List<Denial> denials = new ArrayList<>();
    plan.requests()
        .filter(rate -> requests.size() >= rate.limit())
        .ifPresent(
            rate ->
                denials.add(
                    new Denial(
                        LimitKind.REQUESTS,
                        Duration.between(now, requests.nextSlotFreeAt(rate.window(), now)))));
    plan.tokensPerMinute().stream()
        .filter(limit -> minuteTokens.used(now) + demand.tokens() > limit)
        .forEach(
            limit ->
                denials.add(
                    new Denial(
                        LimitKind.TOKENS_PER_MINUTE,
                        minuteTokens.waitFor(demand.tokens(), limit, now))));
    plan.tokensPerDay().stream()
        .filter(limit -> dayTokens.used(now) + demand.tokens() > limit)
        .forEach(limit -> denials.add(untilNextPeriod(LimitKind.TOKENS_PER_DAY, dayTokens, now)));
    plan.monthlyBudget()
        .filter(budget -> monthSpend.used(now) + demand.cost().nanos() > budget.nanos())
        .ifPresent(budget -> denials.add(untilNextPeriod(LimitKind.BUDGET, monthSpend, now)));
    plan.concurrentStreams().stream()
        .filter(limit -> demand.stream() && openStreams.size() >= limit)
        .forEach(limit -> denials.add(new Denial(LimitKind.CONCURRENCY, STREAM_RETRY)));

    Optional<Denial> denial = denials.stream().max(Comparator.comparing(Denial::retryAfter));
    if (denial.isPresent()) {
      return new AdmissionDecision.Denied(
          denial.get().limit(), denial.get().retryAfter(), status(plan, now));
    }
    reserve(pending);
    return new AdmissionDecision.Admitted(pending, status(plan, now));
  }

  /** Replaces the reservation by what was used, in the periods it was counted in. */
  void settle(Reservation reservation, Consumption actual) {
    Plan plan = reservation.plan();
    Instant at = reservation.admittedAt();
    long tokenDelta = actual.usage().totalTokens() - reservation.demand().tokens();
    if (plan.tokensPerMinute().isPresent()) {
      minuteTokens.adjust(at, tokenDelta);
    }
    if (plan.tokensPerDay().isPresent()) {
      dayTokens.adjust(at, tokenDelta);
    }
    if (plan.monthlyBudget().isPresent()) {
      monthSpend.adjust(at, actual.cost().nanos() - reservation.demand().cost().nanos());
    }
    openStreams.remove(reservation.id());
  }

  /** Counts at least what {@code standing} says was used, in the periods it was counted in. */
  void resumeFrom(QuotaStanding standing) {
    Instant at = standing.at();
    requests.atLeast(standing.requests(), standing.oldestRequestAt().orElse(at), at);
    minuteTokens.atLeast(at, standing.minuteTokens());
    dayTokens.atLeast(at, standing.dayTokens());
    monthSpend.atLeast(at, standing.monthSpend().nanos());
  }

  private void reserve(Reservation pending) {
    Plan plan = pending.plan();
    Demand demand = pending.demand();
    Instant now = pending.admittedAt();
    if (plan.requests().isPresent()) {
      requests.record(now);
    }
    if (plan.tokensPerMinute().isPresent()) {
      minuteTokens.add(now, demand.tokens());
    }
    if (plan.tokensPerDay().isPresent()) {
      dayTokens.add(now, demand.tokens());
    }
    if (plan.monthlyBudget().isPresent()) {
      monthSpend.add(now, demand.cost().nanos());
    }
    if (plan.concurrentStreams().isPresent() && demand.stream()) {
      openStreams.add(pending.id());
    }
  }

  private Optional<RateLimitStatus> status(Plan plan, Instant now) {
    return plan.requests().map(rate -> status(rate, now));
  }

  private RateLimitStatus status(RequestRate rate, Instant now) {
    return new RateLimitStatus(
        rate.limit(),
        Math.max(0, rate.limit() - requests.size()),
        requests.nextSlotFreeAt(rate.window(), now));
  }

  private static Denial untilNextPeriod(LimitKind limit, CalendarCounter counter, Instant now) {
    return new Denial(limit, Duration.between(now, counter.nextPeriodStart(now)));
  }
}
