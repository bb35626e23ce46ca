package io.bedrockgateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.application.port.out.LocalQuotaCounter;
import io.bedrockgateway.application.port.out.QuotaCounterUnavailable;
import io.bedrockgateway.application.port.out.SharedQuotaCounter;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.error.DependencyUnavailable;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.quota.QuotaStanding;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.quota.ReservationId;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureModeQuotaCounterTest {
  private static final Demand DEMAND = new Demand(10, Usd.ZERO, true);

  private final Principal principal = TestPrincipals.unlimited();
  private final RecordingCounter shared = new RecordingCounter("shared");
  private final RecordingCounter local = new RecordingCounter("local");

  private FailureModeQuotaCounter counter(QuotaFailureMode mode) {
    return new FailureModeQuotaCounter(shared, local, mode, Clock.systemUTC());
  }

  @Test
  void countsInTheSharedCounterWhileItIsUp() {
    FailureModeQuotaCounter counter = counter(QuotaFailureMode.LOCAL);

    Reservation reservation = admitted(counter.admit(principal, RequestId.generate(), DEMAND));
    counter.settle(reservation, Consumption.NONE);

    assertThat(shared.admitted).containsExactly(reservation.id());
    assertThat(shared.settled).containsExactly(reservation.id());
    assertThat(local.admitted).isEmpty();
  }

  @Test
  void localModeCountsInMemoryWhileTheSharedCounterIsDownAndSettlesWhereItReserved() {
    FailureModeQuotaCounter counter = counter(QuotaFailureMode.LOCAL);
    shared.down = true;
    Reservation duringOutage = admitted(counter.admit(principal, RequestId.generate(), DEMAND));
    shared.down = false;
    Reservation afterRecovery = admitted(counter.admit(principal, RequestId.generate(), DEMAND));

    counter.settle(duringOutage, Consumption.NONE);
    counter.settle(afterRecovery, Consumption.NONE);

    assertThat(local.admitted).containsExactly(duringOutage.id());
    assertThat(local.settled).containsExactly(duringOutage.id());
    assertThat(shared.admitted).containsExactly(afterRecovery.id());
    assertThat(shared.settled).containsExactly(afterRecovery.id());
  }

  @Test
  void countsTheRequestsTheFailureModeDecidedAndNoOther() {
    FailureModeQuotaCounter counter = counter(QuotaFailureMode.LOCAL);
    counter.admit(principal, RequestId.generate(), DEMAND);
    shared.down = true;
    counter.admit(principal, RequestId.generate(), DEMAND);
    counter.admit(principal, RequestId.generate(), DEMAND);
    shared.down = false;
    counter.admit(principal, RequestId.generate(), DEMAND);

    assertThat(counter.decidedWithoutShared()).isEqualTo(2);
  }

  @Test
  void countsRefusalsOfTheClosedModeToo() {
    FailureModeQuotaCounter counter = counter(QuotaFailureMode.CLOSED);
    shared.down = true;

    assertThatThrownBy(() -> counter.admit(principal, RequestId.generate(), DEMAND))
        .isInstanceOf(DependencyUnavailable.class);
    assertThat(counter.decidedWithoutShared()).isEqualTo(1);
  }

  @Test
  void localModeCarriesOnFromTheLastCountsTheSharedCounterGaveForTheKey() {
    FailureModeQuotaCounter counter = counter(QuotaFailureMode.LOCAL);
    Principal other = TestPrincipals.unlimited();
    shared.standings.put(principal.keyId(), standing(700));
    shared.down = true;

    counter.admit(principal, RequestId.generate(), DEMAND);
    counter.admit(principal, RequestId.generate(), DEMAND);
    counter.admit(other, RequestId.generate(), DEMAND);
    shared.standings.put(principal.keyId(), standing(900));
    counter.admit(principal, RequestId.generate(), DEMAND);

    String key = principal.keyId().value();
    assertThat(local.events)
        .containsExactly(
            "resumed " + key + " from 700",
            "admitted " + key,
            "admitted " + key,
            "admitted " + other.keyId().value(),
            "resumed " + key + " from 900",
            "admitted " + key);
  }

  @Test
  void openModeResumesNothing() {
    FailureModeQuotaCounter counter = counter(QuotaFailureMode.OPEN);
    shared.standings.put(principal.keyId(), standing(700));
    shared.down = true;

    counter.admit(principal, RequestId.generate(), DEMAND);

    assertThat(local.events).isEmpty();
  }

  private static QuotaStanding standing(long dayTokens) {
    return new QuotaStanding(
        Instant.parse("2026-03-17T12:00:00Z").plusSeconds(dayTokens),
        0,
        Optional.empty(),
        0,
        dayTokens,
        Usd.ZERO);
  }

  @Test
  void localModePassesOnTheLocalDenial() {
    FailureModeQuotaCounter counter = counter(QuotaFailureMode.LOCAL);
    shared.down = true;
    local.denying = true;

    AdmissionDecision decision = counter.admit(principal, RequestId.generate(), DEMAND);

    assertThat(decision).isInstanceOf(AdmissionDecision.Denied.class);
  }

  @Test
  void openModeAdmitsWithoutCountingAnywhere() {
    FailureModeQuotaCounter counter = counter(QuotaFailureMode.OPEN);
    shared.down = true;

    AdmissionDecision decision = counter.admit(principal, RequestId.generate(), DEMAND);
    counter.settle(admitted(decision), Consumption.NONE);

    assertThat(decision.status()).isEmpty();
    assertThat(local.admitted).isEmpty();
    assertThat(shared.settled).isEmpty();
  }

  @Test
  void closedModeRefusesWhileTheSharedCounterIsDown() {
    FailureModeQuotaCounter counter = counter(QuotaFailureMode.CLOSED);
    shared.down = true;

    assertThatThrownBy(() -> counter.admit(principal, RequestId.generate(), DEMAND))
        .isInstanceOf(DependencyUnavailable.class);

    shared.down = false;
    assertThat(counter.admit(principal, RequestId.generate(), DEMAND))
        .isInstanceOf(AdmissionDecision.Admitted.class);
  }

  @Test
  void aSettlementTheSharedCounterCannotTakeIsDroppedNotThrown() {
    FailureModeQuotaCounter counter = counter(QuotaFailureMode.CLOSED);
    Reservation reservation = admitted(counter.admit(principal, RequestId.generate(), DEMAND));
    shared.down = true;

    counter.settle(reservation, Consumption.NONE);

    assertThat(shared.settled).isEmpty();
  }

  private static Reservation admitted(AdmissionDecision decision) {
    assertThat(decision).isInstanceOf(AdmissionDecision.Admitted.class);
    return ((AdmissionDecision.Admitted) decision).reservation();
  }

  /** Admits (or denies) everything and remembers what it admitted, settled and resumed from. */
  private static final class RecordingCounter implements SharedQuotaCounter, LocalQuotaCounter {
    private final String name;
    final List<ReservationId> admitted = new ArrayList<>();
    final List<ReservationId> settled = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final Map<KeyId, QuotaStanding> standings = new HashMap<>();
    boolean down;
    boolean denying;

    @Override
    public Optional<QuotaStanding> lastStanding(KeyId key) {
      return Optional.ofNullable(standings.get(key));
    }

    @Override
    public void resumeFrom(KeyId key, QuotaStanding standing) {
      events.add("resumed " + key.value() + " from " + standing.dayTokens());
    }

    RecordingCounter(String name) {
      this.name = name;
    }

    @Override
    public AdmissionDecision admit(Principal who, RequestId requestId, Demand demand) {
      failIfDown();
      if (denying) {
        return new AdmissionDecision.Denied(
            LimitKind.CONCURRENCY, Duration.ofSeconds(1), Optional.empty());
      }
      Reservation reservation =
          Reservation.admit(who, requestId, demand, Clock.systemUTC().instant());
      admitted.add(reservation.id());
      events.add("admitted " + who.keyId().value());
      return new AdmissionDecision.Admitted(reservation, Optional.empty());
    }

    @Override
    public void settle(Reservation reservation, Consumption actual) {
      failIfDown();
      settled.add(reservation.id());
    }

    private void failIfDown() {
      if (down) {
        throw new QuotaCounterUnavailable(name + " is down");
      }
    }
  }
}
