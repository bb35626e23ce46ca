package io.bedrockgateway.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.QuotaCounterContract;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.RequestRate;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.quota.QuotaStanding;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryQuotaCounterTest extends QuotaCounterContract {
  private static final Instant NOW = Instant.parse("2026-03-17T12:00:30Z");

  @Override
  protected QuotaCounter counter() {
    return new InMemoryQuotaCounter(Clock.systemUTC());
  }

  private final InMemoryQuotaCounter standIn =
      new InMemoryQuotaCounter(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aKeyTheSharedCounterFoundExhaustedStaysExhausted() {
    Principal principal =
        TestPrincipals.withPlan(
            Plan.unlimited("day").withTokensPerDay(1_000).withMonthlyBudget(Usd.of("5")));

    standIn.resumeFrom(principal.keyId(), standing(NOW.minusSeconds(5), 0, 0, 995, Usd.of("1")));

    AdmissionDecision overTheDay = admit(principal, new Demand(6, Usd.ZERO, false));
    assertThat(overTheDay)
        .isInstanceOfSatisfying(
            AdmissionDecision.Denied.class,
            denied -> assertThat(denied.limit()).isEqualTo(LimitKind.TOKENS_PER_DAY));
    assertThat(admit(principal, new Demand(5, Usd.ZERO, false)))
        .isInstanceOf(AdmissionDecision.Admitted.class);
  }

  @Test
  void theRequestWindowCarriesOnWithItsOldestRequest() {
    Principal principal = TestPrincipals.withRequestLimit(3, Duration.ofMinutes(1));

    standIn.resumeFrom(
        principal.keyId(),
        new QuotaStanding(
            NOW.minusSeconds(1), 3, Optional.of(NOW.minusSeconds(40)), 0, 0, Usd.ZERO));

    AdmissionDecision decision = admit(principal, new Demand(1, Usd.ZERO, false));
    assertThat(decision)
        .isInstanceOfSatisfying(
            AdmissionDecision.Denied.class,
            denied -> {
              assertThat(denied.limit()).isEqualTo(LimitKind.REQUESTS);
              assertThat(denied.retryAfter()).isEqualTo(Duration.ofSeconds(20));
            });
  }

  @Test
  void theSlidingMinuteCarriesOn() {
    Principal principal = TestPrincipals.withPlan(Plan.unlimited("tpm").withTokensPerMinute(100));

    standIn.resumeFrom(principal.keyId(), standing(NOW.minusSeconds(10), 0, 90, 0, Usd.ZERO));

    assertThat(admit(principal, new Demand(11, Usd.ZERO, false)))
        .isInstanceOf(AdmissionDecision.Denied.class);
    assertThat(admit(principal, new Demand(10, Usd.ZERO, false)))
        .isInstanceOf(AdmissionDecision.Admitted.class);
  }

  @Test
  void whatItCountedItselfStaysWhenItIsMore() {
    Principal principal = TestPrincipals.withPlan(Plan.unlimited("day").withTokensPerDay(100));
    assertThat(admit(principal, new Demand(80, Usd.ZERO, false)))
        .isInstanceOf(AdmissionDecision.Admitted.class);

    standIn.resumeFrom(principal.keyId(), standing(NOW, 0, 0, 50, Usd.ZERO));

    assertThat(admit(principal, new Demand(21, Usd.ZERO, false)))
        .isInstanceOf(AdmissionDecision.Denied.class);
    assertThat(admit(principal, new Demand(20, Usd.ZERO, false)))
        .isInstanceOf(AdmissionDecision.Admitted.class);
  }

  @Test
  void countsOfAnEarlierDayOrMonthAreNotCarriedOver() {
    Principal principal =
        TestPrincipals.withPlan(
            Plan.unlimited("day")
                .withTokensPerDay(100)
                .withMonthlyBudget(Usd.of("1"))
                .withRequests(new RequestRate(5, Duration.ofMinutes(1)))
                .withTokensPerMinute(100));

    standIn.resumeFrom(
        principal.keyId(),
        new QuotaStanding(
            Instant.parse("2026-02-28T23:59:00Z"),
            5,
            Optional.of(Instant.parse("2026-02-28T23:58:30Z")),
            100,
            100,
            Usd.of("1")));

    assertThat(admit(principal, new Demand(100, Usd.of("1"), false)))
        .isInstanceOf(AdmissionDecision.Admitted.class);
  }

  private AdmissionDecision admit(Principal principal, Demand demand) {
    return standIn.admit(principal, RequestId.generate(), demand);
  }

  private static QuotaStanding standing(
      Instant at, long requests, long minuteTokens, long dayTokens, Usd month) {
    return new QuotaStanding(at, requests, Optional.empty(), minuteTokens, dayTokens, month);
  }
}
