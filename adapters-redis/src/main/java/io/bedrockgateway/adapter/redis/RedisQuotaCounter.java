package io.bedrockgateway.adapter.redis;

import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.QuotaCounterUnavailable;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.RequestRate;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.quota.ReservationId;
import io.bedrockgateway.domain.request.RequestId;
import io.lettuce.core.RedisException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every limit of a plan counted in Redis, shared by all instances: one script per admission and one
 * per settlement, each a single atomic round trip on the key's own cluster slot, timed by the Redis
 * server's clock so that every instance agrees.
 */
public final class RedisQuotaCounter implements QuotaCounter {
  private static final LuaScript ADMIT = LuaScript.named("admit.lua");
  private static final LuaScript SETTLE = LuaScript.named("settle.lua");
  private static final String ABSENT = "-1";
  private static final String NONE = "-";
  private static final List<LimitKind> LIMIT_BY_CODE =
      List.of(
          LimitKind.REQUESTS,
          LimitKind.TOKENS_PER_MINUTE,
          LimitKind.TOKENS_PER_DAY,
          LimitKind.BUDGET,
          LimitKind.CONCURRENCY);

  private final RedisConnection redis;
  private final HeldReservations held;

  public RedisQuotaCounter(RedisConnection redis) {
    this.redis = redis;
    this.held = new HeldReservations(redis);
  }

  @Override
  public AdmissionDecision admit(Principal principal, RequestId requestId, Demand demand) {
    return admit(principal, requestId, demand, ReservationId.generate());
  }

  /**
   * Admits under a reservation id of the caller's: admitting again under the same id answers as the
   * first admission did, without counting twice.
   */
  AdmissionDecision admit(
      Principal principal, RequestId requestId, Demand demand, ReservationId id) {
    Plan plan = principal.plan();
    List<Object> answer =
        call(
            () ->
                ADMIT.run(
                    redis.commands().scripting(),
                    QuotaKeys.of(principal.keyId()).all(),
                    id.value(),
                    plan.requests().map(rate -> Long.toString(rate.limit())).orElse(ABSENT),
                    plan.requests()
                        .map(rate -> Long.toString(rate.window().toMillis()))
                        .orElse("0"),
                    limit(plan.tokensPerMinute().stream().boxed().findAny()),
                    limit(plan.tokensPerDay().stream().boxed().findAny()),
                    limit(plan.monthlyBudget().map(budget -> budget.nanos())),
                    limit(plan.concurrentStreams().stream().mapToObj(Long::valueOf).findAny()),
                    Long.toString(demand.tokens()),
                    Long.toString(demand.cost().nanos()),
                    demand.stream() ? "1" : "0",
                    Long.toString(redis.settings().streamLease().toMillis()),
                    Long.toString(redis.settings().reservationLapse().toMillis())));
    boolean admitted = number(answer, 0) == 1;
    Instant now = Instant.ofEpochMilli(number(answer, 1));
    Optional<RateLimitStatus> status = plan.requests().map(rate -> status(rate, answer));
    if (!admitted) {
      return new AdmissionDecision.Denied(
          LIMIT_BY_CODE.get((int) number(answer, 2) - 1),
          Duration.ofMillis(number(answer, 3)),
          status);
    }
    Reservation reservation = new Reservation(id, principal.keyId(), requestId, plan, demand, now);
    if (holdsAnything(plan)) {
      held.hold(reservation);
    }
    return new AdmissionDecision.Admitted(reservation, status);
  }

  @Override
  public void settle(Reservation reservation, Consumption actual) {
    Plan plan = reservation.plan();
    Instant at = reservation.admittedAt();
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    boolean freesASlot = holdsAStreamSlot(reservation);
    held.release(reservation);
    call(
        () ->
            SETTLE.run(
                redis.commands().scripting(),
                QuotaKeys.of(reservation.keyId()).all(),
                reservation.id().value(),
                plan.tokensPerMinute().isPresent() ? Long.toString(at.getEpochSecond()) : NONE,
                plan.tokensPerDay().isPresent() ? Long.toString(day.toEpochDay()) : NONE,
                plan.monthlyBudget().isPresent()
                    ? Long.toString(day.getYear() * 12L + day.getMonthValue() - 1)
                    : NONE,
                Long.toString(actual.usage().totalTokens()),
                Long.toString(actual.cost().nanos()),
                freesASlot ? "1" : "0",
                Long.toString(redis.settings().reservationLapse().toMillis())));
  }

  /** Whether admission.lua keeps a reservation of the plan: when the plan has any limit. */
  private static boolean holdsAnything(Plan plan) {
    return plan.requests().isPresent()
        || plan.tokensPerMinute().isPresent()
        || plan.tokensPerDay().isPresent()
        || plan.monthlyBudget().isPresent()
        || plan.concurrentStreams().isPresent();
  }

  private static boolean holdsAStreamSlot(Reservation reservation) {
    return reservation.demand().stream() && reservation.plan().concurrentStreams().isPresent();
  }

  private static RateLimitStatus status(RequestRate rate, List<Object> answer) {
    return new RateLimitStatus(
        rate.limit(), number(answer, 4), Instant.ofEpochMilli(number(answer, 5)));
  }

  private static String limit(Optional<Long> value) {
    return value.map(String::valueOf).orElse(ABSENT);
  }

  private static long number(List<Object> answer, int index) {
    return (Long) answer.get(index);
  }

  /** Lettuce's exceptions stop here: the port only knows that the counter is unavailable. */
  private <T> T call(Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException failure) {
      throw new QuotaCounterUnavailable(
          "Redis at " + redis.settings().describe() + ": " + failure.getMessage());
    }
  }
}
