package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Reservation;

/** Counts what each key uses against its plan's limits. */
public interface QuotaCounter {
  /** Checks every limit of the key's plan at once; a denied request consumes nothing. */
  AdmissionDecision admit(Principal principal);

  /**
   * Ends an admitted request with what it really used (for failed, cancelled and partial requests
   * too). Limits counted in requests are already final at admission.
   */
  void settle(Reservation reservation, TokenUsage actual);
}
