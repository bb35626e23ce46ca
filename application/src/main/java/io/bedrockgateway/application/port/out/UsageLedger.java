package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.usage.UsageEvent;

/** Records what every request used. Appending never blocks the request on storage. */
public interface UsageLedger {
  /** Idempotent by request id. */
  void append(UsageEvent event);
}
