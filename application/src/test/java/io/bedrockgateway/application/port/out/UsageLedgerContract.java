package io.bedrockgateway.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.Operation;
import io.bedrockgateway.domain.usage.Outcome;
import io.bedrockgateway.domain.usage.UsageEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link UsageLedger} must do; each implementation runs it against itself. */
public abstract class UsageLedgerContract {

  protected abstract UsageLedger ledger();

  /** Every event the ledger holds, once it has stored what was appended. */
  protected abstract List<UsageEvent> storedEvents(UsageLedger ledger);

  @Test
  void keepsEveryAppendedEvent() {
    UsageLedger ledger = ledger();
    UsageEvent first = event(RequestId.generate(), 10);
    UsageEvent second = event(RequestId.generate(), 20);

    ledger.append(first);
    ledger.append(second);

    assertThat(storedEvents(ledger)).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void appendingTheSameRequestTwiceStoresItOnce() {
    UsageLedger ledger = ledger();
    RequestId id = RequestId.generate();

    ledger.append(event(id, 10));
    ledger.append(event(id, 10));

    assertThat(storedEvents(ledger)).hasSize(1);
  }

  /** A successful chat event for request {@code id}. */
  protected static UsageEvent event(RequestId id, long outputTokens) {
    return new UsageEvent(
        new RequestContext(
            id, Instant.parse("2026-11-24T12:00:00Z"), Optional.of("127.0.0.1"), Optional.empty()),
        Optional.of(TestPrincipals.unlimited()),
        Operation.CONVERSE,
        Optional.of(new ModelId("amazon.nova-lite-v1:0")),
        Optional.of(new ModelId("amazon.nova-lite-v1:0")),
        Outcome.SUCCEEDED,
        Optional.empty(),
        new TokenUsage(5, outputTokens),
        0,
        Optional.of(Usd.of("0.00042")),
        Duration.ofMillis(120),
        Optional.of(Duration.ofMillis(40)),
        false);
  }
}
