package io.bedrockgateway.adapter.memory;

import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.QuotaCounterContract;
import java.time.Clock;

class InMemoryQuotaCounterTest extends QuotaCounterContract {
  @Override
  protected QuotaCounter counter() {
    return new InMemoryQuotaCounter(Clock.systemUTC());
  }
}
