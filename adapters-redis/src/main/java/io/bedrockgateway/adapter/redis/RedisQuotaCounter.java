package io.bedrockgateway.adapter.redis;

import io.bedrockgateway.application.port.out.SharedQuotaCounter;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
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
import io.bedrockgateway.domain.request.RequestId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every limit of a plan counted in Redis, shared by all instances: one script per admission and one
 * per settlement, each a single atomic round trip on the key's own cluster slot, timed by the Redis
 * server's clock so that every instance agrees.
 *
 * <p>It is {@linkplain io.bedrockgateway.application.port.out.QuotaCounterUnavailable unavailable}
 * only while its circuit breaker says so ({@link RedisCalls}): a call that fails is retried once
 * under the same reservation id, which Redis counts once. A settlement Redis does not take is kept
 * and sent again in the background until Redis takes it; so is the release of an admission whose
 * answer never came, which may have been counted all the same.
 */
public final class RedisQuotaCounter implements SharedQuotaCounter {
  private static final LuaScript ADMIT = LuaScript.named("admit.lua");
  private static final LuaScript SETTLE = LuaScript.named("settle.lua");
  private static final String ABSENT = "-1";
  private static final String NONE = "-";
  private static final Duration RETRY_SETTLEMENTS_EVERY = Duration.ofSeconds(1);
  private static final List<LimitKind> LIMIT_BY_CODE =
      List.of(
          LimitKind.REQUESTS,
          LimitKind.TOKENS_PER_MINUTE,
          LimitKind.TOKENS_PER_DAY,
          LimitKind.BUDGET,
          LimitKind.CONCURRENCY);

  private final RedisConnection redis;
  private final RedisCalls calls;
  private final HeldReservations held;
  private final Unsettled unsettled;
  private final Map<KeyId, QuotaStanding> lastStandings = new ConcurrentHashMap<>();

  public RedisQuotaCounter(RedisConnection redis) {
    this(redis, Clock.systemUTC());
  }

  /**
   * @param clock the circuit breaker's: when it opened, and when it may probe Redis again
   */
  RedisQuotaCounter(RedisConnection redis, Clock clock) {
    this.redis = redis;
    this.calls = new RedisCalls(redis.settings(), clock);
    this.held = new HeldReservations(redis, calls);
    this.unsettled = new Unsettled();
    long every = RETRY_SETTLEMENTS_EVERY.toMillis();
    redis
        .background()
        .scheduleWithFixedDelay(this::retrySettlements, every, every, TimeUnit.MILLISECONDS);
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
    List<Object> answer;
    try {
      answer =
          calls.ofRequest(
              () ->
                  ADMIT.run(
                      redis.commands().scripting(),
                      QuotaKeys.of(principal.lineage()).all(),
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
    } catch (RedisCalls.Failed failed) {
      if (failed.reachedRedis() && holdsAnything(plan)) {
        // Redis may have admitted it without the answer coming back: release what it would hold.
        Reservation maybeAdmitted =
            new Reservation(id, principal.lineage(), requestId, plan, demand, Instant.now());
        unsettled.add(maybeAdmitted, Consumption.NONE);
      }
      throw failed.unavailable();
    }
    boolean admitted = number(answer, 0) == 1;
    Instant at = Instant.ofEpochMilli(number(answer, 1));
    remember(principal.keyId(), plan, answer);
    Optional<RateLimitStatus> status = plan.requests().map(rate -> status(rate, answer));
    if (!admitted) {
      return new AdmissionDecision.Denied(
          LIMIT_BY_CODE.get((int) number(answer, 2) - 1),
          Duration.ofMillis(number(answer, 3)),
          status);
    }
    Reservation reservation = new Reservation(id, principal.lineage(), requestId, plan, demand, at);
    if (holdsAnything(plan)) {
      held.hold(reservation);
    }
    return new AdmissionDecision.Admitted(reservation, status);
  }

  /**
   * Settles in Redis now if it answers; else keeps the settlement, and the reservation renewed, and
   * sends it again until Redis takes it. Never throws for Redis being away.
   */
  @Override
  public void settle(Reservation reservation, Consumption actual) {
    try {
      calls.ofRequest(() -> runSettlement(reservation, actual));
      held.release(reservation);
    } catch (RedisCalls.Failed notNow) {
      unsettled.add(reservation, actual);
    }
  }

  @Override
  public Optional<QuotaStanding> lastStanding(KeyId key) {
    return Optional.ofNullable(lastStandings.get(key));
  }

  /** What admission.lua said the key had used; a later answer is never replaced by an earlier. */
  private void remember(KeyId key, Plan plan, List<Object> answer) {
    long requests = Math.max(0, number(answer, 6));
    Optional<Instant> oldest =
        plan.requests()
            .filter(rate -> requests > 0)
            .map(rate -> Instant.ofEpochMilli(number(answer, 5)).minus(rate.window()));
    QuotaStanding standing =
        new QuotaStanding(
            Instant.ofEpochMilli(number(answer, 1)),
            requests,
            oldest,
            Math.max(0, number(answer, 7)),
            Math.max(0, number(answer, 8)),
            new Usd(Math.max(0, number(answer, 9))));
    lastStandings.merge(
        key, standing, (earlier, later) -> later.at().isBefore(earlier.at()) ? earlier : later);
  }

  /** How many settlements wait for Redis to take them. */
  int unsettledCount() {
    return unsettled.size();
  }

  private void retrySettlements() {
    unsettled.retry(
        (reservation, actual) ->
            calls.inBackground(
                () -> {
                  runSettlement(reservation, actual);
                  held.release(reservation);
                }));
  }

  private List<Object> runSettlement(Reservation reservation, Consumption actual) {
    Plan plan = reservation.plan();
    Instant at = reservation.admittedAt();
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return SETTLE.run(
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
        holdsAStreamSlot(reservation) ? "1" : "0",
        Long.toString(redis.settings().reservationLapse().toMillis()));
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
}
