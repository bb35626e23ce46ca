package io.bedrockgateway.application.port.out;

import static io.bedrockgateway.application.port.out.TestUsageEvents.LITE;
import static io.bedrockgateway.application.port.out.TestUsageEvents.NOON;
import static io.bedrockgateway.application.port.out.TestUsageEvents.PRO;
import static io.bedrockgateway.application.port.out.TestUsageEvents.anonymousRejection;
import static io.bedrockgateway.application.port.out.TestUsageEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.Outcome;
import io.bedrockgateway.domain.usage.UsageEvent;
import io.bedrockgateway.domain.usage.UsageGroup;
import io.bedrockgateway.domain.usage.UsageGrouping;
import io.bedrockgateway.domain.usage.UsageQuery;
import io.bedrockgateway.domain.usage.UsageReport;
import io.bedrockgateway.domain.usage.UsageTotals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link UsageLedger} must do; each implementation runs it against itself. */
public abstract class UsageLedgerContract {

  /** A ledger over an empty store. */
  protected abstract UsageLedger ledger();

  /** Waits until everything appended to {@code ledger} so far is stored and reported. */
  protected abstract void awaitStored(UsageLedger ledger);

  @Test
  void keepsEveryAppendedEvent() {
    UsageLedger ledger = ledger();

    ledger.append(event(RequestId.generate(), 10));
    ledger.append(event(RequestId.generate(), 20));
    awaitStored(ledger);

    UsageTotals total = wholeDay(ledger, UsageGrouping.KEY).total();
    assertThat(total.requests()).isEqualTo(2);
    assertThat(total.inputTokens()).isEqualTo(10);
    assertThat(total.outputTokens()).isEqualTo(30);
    assertThat(total.cost()).isEqualTo(new Usd(7_800));
  }

  @Test
  void appendingTheSameEventTwiceStoresItOnce() {
    UsageLedger ledger = ledger();
    UsageEvent event = event(RequestId.generate(), 10);

    ledger.append(event);
    ledger.append(event);
    awaitStored(ledger);

    assertThat(wholeDay(ledger, UsageGrouping.KEY).total().requests()).isEqualTo(1);
  }

  @Test
  void requestsThatReuseAClientRequestIdAreEachKept() {
    UsageLedger ledger = ledger();
    RequestId reused = new RequestId("client-reused-id");

    for (int i = 1; i <= 5; i++) {
      ledger.append(event(reused, i));
    }
    awaitStored(ledger);

    UsageTotals total = wholeDay(ledger, UsageGrouping.KEY).total();
    assertThat(total.requests()).isEqualTo(5);
    assertThat(total.outputTokens()).isEqualTo(1 + 2 + 3 + 4 + 5);
  }

  @Test
  void reportsTheRequestsOfOneClientRequestIdOnly() {
    UsageLedger ledger = ledger();
    RequestId reused = new RequestId("client-reused-id");
    ledger.append(event(reused, 1));
    ledger.append(event(reused, 2));
    ledger.append(event(RequestId.generate(), 4));
    awaitStored(ledger);

    UsageReport report =
        ledger.report(
            new UsageQuery(
                NOON.minusSeconds(43_200),
                NOON.plusSeconds(43_200),
                UsageGrouping.KEY,
                Optional.empty(),
                Optional.of(reused)));

    assertThat(report.total().requests()).isEqualTo(2);
    assertThat(report.total().outputTokens()).isEqualTo(3);
  }

  @Test
  void totalsErrorsCostAndLatencyPerGroup() {
    UsageLedger ledger = ledger();
    Principal alice = TestPrincipals.unlimited();
    Principal bob = TestPrincipals.unlimited();
    ledger.append(
        event(
            alice,
            NOON,
            LITE,
            Outcome.SUCCEEDED,
            new TokenUsage(100, 50, 400, 30),
            200,
            "10.0.0.1"));
    ledger.append(
        event(
            alice,
            NOON.plusSeconds(1),
            PRO,
            Outcome.FAILED,
            new TokenUsage(10, 0, 0, 7),
            600,
            "10.0.0.1"));
    ledger.append(
        event(bob, NOON.plusSeconds(2), LITE, Outcome.REJECTED, TokenUsage.NONE, 0, "10.0.0.2"));
    awaitStored(ledger);

    UsageReport byModel = wholeDay(ledger, UsageGrouping.MODEL);

    assertThat(byModel.groups())
        .extracting(UsageGroup::group)
        .containsExactly(Optional.of(LITE.value()), Optional.of(PRO.value()));
    UsageTotals lite = byModel.groups().get(0).totals();
    assertThat(lite.requests()).isEqualTo(2);
    assertThat(lite.errors()).isEqualTo(1);
    assertThat(lite.inputTokens()).isEqualTo(100);
    assertThat(lite.outputTokens()).isEqualTo(50);
    assertThat(lite.cacheReadInputTokens()).isEqualTo(400);
    assertThat(lite.cacheWriteInputTokens()).isEqualTo(30);
    assertThat(lite.averageLatency()).isEqualTo(Duration.ofMillis(100));
    assertThat(lite.maxLatency()).isEqualTo(Duration.ofMillis(200));
    UsageTotals pro = byModel.groups().get(1).totals();
    assertThat(pro.unpricedRequests()).isEqualTo(1);
    assertThat(byModel.total().requests()).isEqualTo(3);
    assertThat(byModel.total().errors()).isEqualTo(2);
    assertThat(byModel.total().cacheWriteInputTokens()).isEqualTo(37);
    assertThat(byModel.total().cost()).isEqualTo(lite.cost());
    assertThat(byModel.uniqueKeys()).isEqualTo(2);
    assertThat(byModel.uniqueClients()).isEqualTo(2);
  }

  @Test
  void groupsByEveryDimensionAndLeavesMissingOnesEmpty() {
    UsageLedger ledger = ledger();
    Principal owner = TestPrincipals.unlimited();
    ledger.append(event(owner, NOON, LITE, Outcome.SUCCEEDED, new TokenUsage(1, 1), 5, "10.0.0.1"));
    ledger.append(anonymousRejection(NOON.plusSeconds(86_400)));
    awaitStored(ledger);
    Instant from = NOON.minusSeconds(3_600);
    Instant to = NOON.plusSeconds(2 * 86_400);

    assertThat(groups(ledger, from, to, UsageGrouping.KEY))
        .containsExactly(Optional.empty(), Optional.of(owner.keyId().value()));
    assertThat(groups(ledger, from, to, UsageGrouping.DEPARTMENT))
        .containsExactly(Optional.empty(), Optional.of("dept"));
    assertThat(groups(ledger, from, to, UsageGrouping.PROJECT))
        .containsExactly(Optional.empty(), Optional.of("project"));
    assertThat(groups(ledger, from, to, UsageGrouping.DAY))
        .containsExactly(Optional.of("2026-11-24"), Optional.of("2026-11-25"));
  }

  @Test
  void reportsOnlyTheAskedKeyAndTimeRange() {
    UsageLedger ledger = ledger();
    Principal alice = TestPrincipals.unlimited();
    Principal bob = TestPrincipals.unlimited();
    ledger.append(event(alice, NOON, LITE, Outcome.SUCCEEDED, new TokenUsage(1, 1), 5, "a"));
    ledger.append(
        event(
            alice, NOON.plusSeconds(3_600), LITE, Outcome.SUCCEEDED, new TokenUsage(1, 1), 5, "a"));
    ledger.append(event(bob, NOON, LITE, Outcome.SUCCEEDED, new TokenUsage(1, 1), 5, "b"));
    awaitStored(ledger);

    UsageReport alicesFirstHour =
        ledger.report(
            new UsageQuery(
                NOON, NOON.plusSeconds(3_600), UsageGrouping.KEY, Optional.of(alice.keyId())));

    assertThat(alicesFirstHour.total().requests()).isEqualTo(1);
    assertThat(alicesFirstHour.groups())
        .extracting(UsageGroup::group)
        .containsExactly(Optional.of(alice.keyId().value()));
  }

  private static List<Optional<String>> groups(
      UsageLedger ledger, Instant from, Instant to, UsageGrouping grouping) {
    return ledger.report(new UsageQuery(from, to, grouping, Optional.empty())).groups().stream()
        .map(UsageGroup::group)
        .toList();
  }

  private static UsageReport wholeDay(UsageLedger ledger, UsageGrouping grouping) {
    return ledger.report(
        new UsageQuery(
            NOON.minusSeconds(43_200), NOON.plusSeconds(43_200), grouping, Optional.empty()));
  }
}
