package io.bedrockgateway.adapter.memory;

import static io.bedrockgateway.application.port.out.TestUsageEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.application.port.out.UsageLedgerContract;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.UsageEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryUsageLedgerTest extends UsageLedgerContract {
  @Override
  protected UsageLedger ledger() {
    return new InMemoryUsageLedger(1_000);
  }

  /** Appending stores at once. */
  @Override
  protected void awaitStored(UsageLedger ledger) {}

  @Test
  void keepsOnlyTheMostRecentEventsBeyondItsCapacity() {
    InMemoryUsageLedger ledger = new InMemoryUsageLedger(2);
    List<UsageEvent> appended =
        List.of(
            event(RequestId.generate(), 1),
            event(RequestId.generate(), 2),
            event(RequestId.generate(), 3));

    appended.forEach(ledger::append);

    assertThat(ledger.events()).containsExactlyElementsOf(appended.subList(1, 3));
  }
}
