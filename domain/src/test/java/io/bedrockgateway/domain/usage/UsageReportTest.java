package io.bedrockgateway.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsageReportTest {
  private static final Instant DAY_ONE = Instant.parse("2026-11-24T10:00:00Z");
  private static final Principal ALICE = principal("alice", "research");
  private static final Principal BOB = principal("bob", "sales");

  @Test
  void totalsCoveredEventsByGroupWithCostLatencyAndUniqueCounts() {
    List<UsageEvent> events =
        List.of(
            event(ALICE, DAY_ONE, Outcome.SUCCEEDED, 100, Optional.of(Usd.of("0.01")), "1.1.1.1"),
            event(ALICE, DAY_ONE.plusSeconds(60), Outcome.REJECTED, 0, Optional.empty(), "1.1.1.1"),
            event(
                BOB,
                DAY_ONE.plusSeconds(86_400),
                Outcome.SUCCEEDED,
                10,
                Optional.of(Usd.of("0.5")),
                "2.2.2.2"),
            event(
                BOB,
                DAY_ONE.plusSeconds(3 * 86_400),
                Outcome.SUCCEEDED,
                1,
                Optional.empty(),
                "3.3.3.3"));
    UsageQuery query =
        new UsageQuery(
            DAY_ONE, DAY_ONE.plusSeconds(2 * 86_400), UsageGrouping.DEPARTMENT, Optional.empty());

    UsageReport report = UsageReport.tally(query, events);

    assertThat(report.groups())
        .extracting(UsageGroup::group)
        .containsExactly(Optional.of("research"), Optional.of("sales"));
    UsageTotals research = report.groups().getFirst().totals();
    assertThat(research.requests()).isEqualTo(2);
    assertThat(research.errors()).isEqualTo(1);
    assertThat(research.outputTokens()).isEqualTo(100);
    assertThat(research.cacheReadInputTokens()).isEqualTo(200);
    assertThat(research.cacheWriteInputTokens()).isEqualTo(300);
    assertThat(research.cost()).isEqualTo(Usd.of("0.01"));
    assertThat(research.unpricedRequests()).isEqualTo(1);
    assertThat(research.maxLatency()).isEqualTo(Duration.ofMillis(100));
    assertThat(research.averageLatency()).isEqualTo(Duration.ofMillis(50));
    assertThat(report.total().requests()).isEqualTo(3);
    assertThat(report.total().cost()).isEqualTo(Usd.of("0.51"));
    assertThat(report.total().cacheReadInputTokens()).isEqualTo(220);
    assertThat(report.uniqueKeys()).isEqualTo(2);
    assertThat(report.uniqueClients()).isEqualTo(2);
  }

  @Test
  void groupsByUtcDayAndOnlyTheAskedKey() {
    List<UsageEvent> events =
        List.of(
            event(ALICE, DAY_ONE, Outcome.SUCCEEDED, 1, Optional.empty(), "1.1.1.1"),
            event(
                ALICE,
                DAY_ONE.plusSeconds(86_400),
                Outcome.SUCCEEDED,
                1,
                Optional.empty(),
                "1.1.1.1"),
            event(BOB, DAY_ONE, Outcome.SUCCEEDED, 1, Optional.empty(), "1.1.1.1"));
    UsageQuery query =
        new UsageQuery(
            DAY_ONE.minusSeconds(3600),
            DAY_ONE.plusSeconds(5 * 86_400),
            UsageGrouping.DAY,
            Optional.of(ALICE.keyId()));

    UsageReport report = UsageReport.tally(query, events);

    assertThat(report.groups())
        .extracting(UsageGroup::group)
        .containsExactly(Optional.of("2026-11-24"), Optional.of("2026-11-25"));
    assertThat(report.uniqueKeys()).isEqualTo(1);
  }

  private static Principal principal(String id, String department) {
    return new Principal(
        new KeyId(id),
        id,
        Optional.empty(),
        Optional.of(department),
        Optional.empty(),
        Plan.unlimited("default"),
        Set.of());
  }

  private static UsageEvent event(
      Principal principal,
      Instant at,
      Outcome outcome,
      long outputTokens,
      Optional<Usd> cost,
      String clientIp) {
    return new UsageEvent(
        UsageEventId.generate(),
        new RequestContext(RequestId.generate(), at, Optional.of(clientIp), Optional.empty()),
        Optional.of(principal),
        Operation.CONVERSE,
        Optional.of(new ModelId("amazon.nova-lite-v1:0")),
        Optional.empty(),
        outcome,
        outcome == Outcome.SUCCEEDED ? Optional.empty() : Optional.of("invalid_request"),
        new TokenUsage(0, outputTokens, 2 * outputTokens, 3 * outputTokens),
        0,
        cost,
        Duration.ofMillis(outputTokens == 0 ? 0 : 100),
        Optional.empty(),
        false);
  }
}
