package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.request.RequestId;

/**
 * Counts what each key uses against its plan's limits. A counter that keeps its counts elsewhere
 * throws {@link QuotaCounterUnavailable} when it judges that store unavailable: not on one slow or
 * failed reply, which it retries, but when it has stopped asking the store for a while.
 */
public interface QuotaCounter {
  /**
   * Checks every limit of the key's plan at once and, if all allow it, reserves {@code demand}
   * against them. A denied request consumes nothing.
   */
  AdmissionDecision admit(Principal principal, RequestId requestId, Demand demand);

  /**
   * Ends an admitted request: replaces its reservation by what it really used (for failed,
   * cancelled and partial requests too) and releases its stream slot. Request counts are final at
   * admission.
   */
  void settle(Reservation reservation, Consumption actual);
}
