package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.usage.UsageEvent;
import io.bedrockgateway.domain.usage.UsageQuery;
import io.bedrockgateway.domain.usage.UsageReport;

/** Records what every request used, and totals it. */
public interface UsageLedger {
  /**
   * Idempotent by {@link UsageEvent#id()}: the same event appended again (a replay) is stored once;
   * events of different requests are all kept, even when their clients sent the same request id.
   * Never blocks the request on storage, and never loses the event.
   */
  void append(UsageEvent event);

  /**
   * Totals the recorded usage the query covers. Events appended moments ago may not be counted yet.
   * A store that cannot be reached throws {@link
   * io.bedrockgateway.domain.error.DependencyUnavailable}.
   */
  UsageReport report(UsageQuery query);
}
