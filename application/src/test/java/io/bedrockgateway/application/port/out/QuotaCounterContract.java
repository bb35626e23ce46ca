package io.bedrockgateway.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.RequestRate;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every {@link QuotaCounter} must do; each implementation runs it against itself. */
public abstract class QuotaCounterContract {

  /** A counter over fresh state, reading the real clock. */
  protected abstract QuotaCounter counter();

  /** Admits a small non-streamed request. */
  protected static AdmissionDecision admit(QuotaCounter counter, Principal principal) {
    return counter.admit(principal, RequestId.generate(), new Demand(10, Usd.ZERO, false));
  }

  @Test
  void admitsUpToTheLimitThenDeniesWithARetryTime() {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.withRequestLimit(3, Duration.ofMinutes(1));

    List<AdmissionDecision> decisions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      decisions.add(admit(counter, principal));
    }

    assertThat(decisions.subList(0, 3)).allMatch(AdmissionDecision.Admitted.class::isInstance);
    assertThat(decisions.subList(0, 3))
        .extracting(decision -> decision.status().orElseThrow().remaining())
        .containsExactly(2L, 1L, 0L);
    AdmissionDecision.Denied denied = (AdmissionDecision.Denied) decisions.get(3);
    assertThat(denied.limit()).isEqualTo(LimitKind.REQUESTS);
    assertThat(denied.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
    assertThat(denied.status().orElseThrow().limit()).isEqualTo(3);
    assertThat(denied.status().orElseThrow().remaining()).isZero();
  }

  @Test
  void keysAreCountedSeparately() {
    QuotaCounter counter = counter();
    Principal first = TestPrincipals.withRequestLimit(1, Duration.ofMinutes(1));
    Principal second = TestPrincipals.withRequestLimit(1, Duration.ofMinutes(1));

    assertThat(admit(counter, first)).isInstanceOf(AdmissionDecision.Admitted.class);
    assertThat(admit(counter, first)).isInstanceOf(AdmissionDecision.Denied.class);
    assertThat(admit(counter, second)).isInstanceOf(AdmissionDecision.Admitted.class);
  }

  @Test
  void aDeniedRequestConsumesNothingAndTheWindowSlides() throws InterruptedException {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.withRequestLimit(2, Duration.ofSeconds(1));

    assertThat(admit(counter, principal)).isInstanceOf(AdmissionDecision.Admitted.class);
    assertThat(admit(counter, principal)).isInstanceOf(AdmissionDecision.Admitted.class);
    for (int i = 0; i < 5; i++) {
      assertThat(admit(counter, principal)).isInstanceOf(AdmissionDecision.Denied.class);
    }
    Thread.sleep(1_100);

    assertThat(admit(counter, principal)).isInstanceOf(AdmissionDecision.Admitted.class);
    assertThat(admit(counter, principal)).isInstanceOf(AdmissionDecision.Admitted.class);
    assertThat(admit(counter, principal)).isInstanceOf(AdmissionDecision.Denied.class);
  }

  @Test
  void aPlanWithoutLimitsAlwaysAdmits() {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.unlimited();

    for (int i = 0; i < 1_000; i++) {
      AdmissionDecision decision = admit(counter, principal);
      assertThat(decision).isInstanceOf(AdmissionDecision.Admitted.class);
      assertThat(decision.status()).isEmpty();
    }
  }

  @Test
  void concurrentAdmissionsNeverExceedTheLimit() throws Exception {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.withRequestLimit(50, Duration.ofMinutes(1));

    assertThat(admittedOf(concurrently(200, () -> admit(counter, principal)))).hasSize(50);
  }

  @Test
  void settlingAnAdmittedRequestKeepsTheRequestCount() {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.withRequestLimit(1, Duration.ofMinutes(1));

    AdmissionDecision.Admitted admitted = (AdmissionDecision.Admitted) admit(counter, principal);
    counter.settle(
        admitted.reservation(), new Consumption(new TokenUsage(10, 20), Usd.of("0.0001")));

    assertThat(admit(counter, principal)).isInstanceOf(AdmissionDecision.Denied.class);
  }

  /** A limit on an amount, and demands and consumptions of that amount in whole units. */
  enum Amount {
    TOKENS_PER_MINUTE,
    TOKENS_PER_DAY,
    BUDGET;

    /** A unit of budget is a thousandth of a dollar. */
    private static final long NANOS_PER_UNIT = 1_000_000;

    Plan plan(long units) {
      Plan plan = Plan.unlimited("test");
      return switch (this) {
        case TOKENS_PER_MINUTE -> plan.withTokensPerMinute(units);
        case TOKENS_PER_DAY -> plan.withTokensPerDay(units);
        case BUDGET -> plan.withMonthlyBudget(new Usd(units * NANOS_PER_UNIT));
      };
    }

    Demand demand(long units) {
      return this == BUDGET
          ? new Demand(0, new Usd(units * NANOS_PER_UNIT), false)
          : new Demand(units, Usd.ZERO, false);
    }

    Consumption consumption(long units) {
      return this == BUDGET
          ? new Consumption(TokenUsage.NONE, new Usd(units * NANOS_PER_UNIT))
          : new Consumption(new TokenUsage(units / 2, units - units / 2), Usd.ZERO);
    }

    LimitKind kind() {
      return LimitKind.valueOf(name());
    }

    /** The longest a caller can be told to wait: the window, or the calendar period. */
    Duration longestWait() {
      return switch (this) {
        case TOKENS_PER_MINUTE -> Duration.ofSeconds(61);
        case TOKENS_PER_DAY -> Duration.ofDays(1);
        case BUDGET -> Duration.ofDays(31);
      };
    }
  }

  private static AdmissionDecision admit(QuotaCounter counter, Principal principal, Demand demand) {
    return counter.admit(principal, RequestId.generate(), demand);
  }

  private static Reservation reservationOf(AdmissionDecision decision) {
    assertThat(decision).isInstanceOf(AdmissionDecision.Admitted.class);
    return ((AdmissionDecision.Admitted) decision).reservation();
  }

  @ParameterizedTest
  @EnumSource(Amount.class)
  void reservesTheDemandAndDeniesWhatWouldExceedTheLimit(Amount amount) {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.withPlan(amount.plan(100));

    assertThat(admit(counter, principal, amount.demand(60)))
        .isInstanceOf(AdmissionDecision.Admitted.class);
    AdmissionDecision over = admit(counter, principal, amount.demand(41));
    assertThat(admit(counter, principal, amount.demand(40)))
        .isInstanceOf(AdmissionDecision.Admitted.class);
    AdmissionDecision full = admit(counter, principal, amount.demand(1));

    assertThat(List.of(over, full))
        .allSatisfy(
            decision -> {
              assertThat(decision).isInstanceOf(AdmissionDecision.Denied.class);
              AdmissionDecision.Denied denied = (AdmissionDecision.Denied) decision;
              assertThat(denied.limit()).isEqualTo(amount.kind());
              assertThat(denied.retryAfter())
                  .isPositive()
                  .isLessThanOrEqualTo(amount.longestWait());
              assertThat(denied.status()).isEmpty();
            });
  }

  @ParameterizedTest
  @EnumSource(Amount.class)
  void settlingBelowTheReservationGivesTheRestBack(Amount amount) {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.withPlan(amount.plan(100));
    Reservation reservation = reservationOf(admit(counter, principal, amount.demand(80)));
    assertThat(admit(counter, principal, amount.demand(30)))
        .isInstanceOf(AdmissionDecision.Denied.class);

    counter.settle(reservation, amount.consumption(20));

    assertThat(admit(counter, principal, amount.demand(80)))
        .isInstanceOf(AdmissionDecision.Admitted.class);
    assertThat(admit(counter, principal, amount.demand(1)))
        .isInstanceOf(AdmissionDecision.Denied.class);
  }

  @ParameterizedTest
  @EnumSource(Amount.class)
  void settlingAboveTheReservationCountsWhatWasReallyUsed(Amount amount) {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.withPlan(amount.plan(100));
    Reservation reservation = reservationOf(admit(counter, principal, amount.demand(50)));

    counter.settle(reservation, amount.consumption(90));

    assertThat(admit(counter, principal, amount.demand(11)))
        .isInstanceOf(AdmissionDecision.Denied.class);
    assertThat(admit(counter, principal, amount.demand(10)))
        .isInstanceOf(AdmissionDecision.Admitted.class);
  }

  @ParameterizedTest
  @EnumSource(Amount.class)
  void concurrentReservationsNeverExceedTheLimit(Amount amount) throws Exception {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.withPlan(amount.plan(250));

    assertThat(admittedOf(concurrently(100, () -> admit(counter, principal, amount.demand(10)))))
        .hasSize(25);
  }

  @Test
  void aRequestDeniedByOneLimitConsumesNothingFromTheOthers() {
    QuotaCounter counter = counter();
    Principal principal =
        TestPrincipals.withPlan(
            Plan.unlimited("test")
                .withRequests(new RequestRate(2, Duration.ofMinutes(1)))
                .withTokensPerMinute(100)
                .withTokensPerDay(1_000)
                .withConcurrentStreams(1));

    AdmissionDecision tooBig = admit(counter, principal, new Demand(200, Usd.ZERO, true));
    AdmissionDecision first = admit(counter, principal, new Demand(50, Usd.ZERO, true));
    AdmissionDecision second = admit(counter, principal, new Demand(50, Usd.ZERO, false));

    assertThat(tooBig).isInstanceOf(AdmissionDecision.Denied.class);
    assertThat(((AdmissionDecision.Denied) tooBig).limit()).isEqualTo(LimitKind.TOKENS_PER_MINUTE);
    assertThat(tooBig.status().orElseThrow().remaining()).isEqualTo(2);
    assertThat(List.of(first, second)).allMatch(AdmissionDecision.Admitted.class::isInstance);
    assertThat(second.status().orElseThrow().remaining()).isZero();
  }

  @Test
  void aDenialNamesTheLimitWithTheLongestWait() {
    QuotaCounter counter = counter();
    Principal principal =
        TestPrincipals.withPlan(
            Amount.BUDGET.plan(100).withRequests(new RequestRate(1, Duration.ofSeconds(1))));

    admit(counter, principal, Amount.BUDGET.demand(100));
    AdmissionDecision denied = admit(counter, principal, Amount.BUDGET.demand(1));

    assertThat(denied).isInstanceOf(AdmissionDecision.Denied.class);
    assertThat(((AdmissionDecision.Denied) denied).limit()).isEqualTo(LimitKind.BUDGET);
    assertThat(((AdmissionDecision.Denied) denied).retryAfter())
        .isGreaterThan(Duration.ofSeconds(1));
  }

  @Test
  void eachOpenStreamHoldsASlotUntilItSettles() {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.withPlan(Plan.unlimited("test").withConcurrentStreams(2));
    Demand stream = new Demand(10, Usd.ZERO, true);

    Reservation first = reservationOf(admit(counter, principal, stream));
    reservationOf(admit(counter, principal, stream));
    AdmissionDecision third = admit(counter, principal, stream);
    AdmissionDecision notAStream = admit(counter, principal, new Demand(10, Usd.ZERO, false));
    counter.settle(first, Consumption.NONE);
    AdmissionDecision afterOneEnded = admit(counter, principal, stream);

    assertThat(third).isInstanceOf(AdmissionDecision.Denied.class);
    assertThat(((AdmissionDecision.Denied) third).limit()).isEqualTo(LimitKind.CONCURRENCY);
    assertThat(((AdmissionDecision.Denied) third).retryAfter()).isPositive();
    assertThat(notAStream).isInstanceOf(AdmissionDecision.Admitted.class);
    assertThat(afterOneEnded).isInstanceOf(AdmissionDecision.Admitted.class);
  }

  @Test
  void concurrentStreamsNeverExceedTheLimitAndAllSlotsComeBack() throws Exception {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.withPlan(Plan.unlimited("test").withConcurrentStreams(10));
    Demand stream = new Demand(10, Usd.ZERO, true);

    List<Reservation> open = admittedOf(concurrently(100, () -> admit(counter, principal, stream)));
    assertThat(open).hasSize(10);
    open.forEach(reservation -> counter.settle(reservation, Consumption.NONE));

    assertThat(admittedOf(concurrently(100, () -> admit(counter, principal, stream)))).hasSize(10);
  }

  @Test
  void aRepeatedRequestIdIsCountedAsAnotherRequest() {
    QuotaCounter counter = counter();
    Principal principal =
        TestPrincipals.withPlan(
            Plan.unlimited("test")
                .withRequests(new RequestRate(3, Duration.ofMinutes(1)))
                .withConcurrentStreams(2));
    RequestId chosenByTheClient = new RequestId("same-id");
    Demand stream = new Demand(10, Usd.ZERO, true);

    Reservation first = reservationOf(counter.admit(principal, chosenByTheClient, stream));
    Reservation second = reservationOf(counter.admit(principal, chosenByTheClient, stream));
    AdmissionDecision third = counter.admit(principal, chosenByTheClient, stream);
    counter.settle(first, Consumption.NONE);
    reservationOf(counter.admit(principal, chosenByTheClient, stream));
    AdmissionDecision fifth = counter.admit(principal, chosenByTheClient, stream);

    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(third)
        .isInstanceOfSatisfying(
            AdmissionDecision.Denied.class,
            denied -> assertThat(denied.limit()).isEqualTo(LimitKind.CONCURRENCY));
    assertThat(fifth)
        .isInstanceOfSatisfying(
            AdmissionDecision.Denied.class,
            denied -> assertThat(denied.limit()).isEqualTo(LimitKind.REQUESTS));
  }

  /** Runs {@code attempts} admissions at once, all released together. */
  private static List<AdmissionDecision> concurrently(
      int attempts, Supplier<AdmissionDecision> admission) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<AdmissionDecision>> submitted = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      Callable<AdmissionDecision> attempt =
          () -> {
            start.await();
            return admission.get();
          };
      for (int i = 0; i < attempts; i++) {
        submitted.add(pool.submit(attempt));
      }
      start.countDown();
    }
    List<AdmissionDecision> decisions = new ArrayList<>();
    for (Future<AdmissionDecision> result : submitted) {
      decisions.add(result.get());
    }
    return decisions;
  }

  private static List<Reservation> admittedOf(List<AdmissionDecision> decisions) {
    return decisions.stream()
        .filter(AdmissionDecision.Admitted.class::isInstance)
        .map(decision -> ((AdmissionDecision.Admitted) decision).reservation())
        .toList();
  }
}
