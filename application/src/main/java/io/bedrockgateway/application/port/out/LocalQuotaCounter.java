package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.quota.QuotaStanding;

/** A {@link QuotaCounter} in this instance's memory, which can stand in for a shared one. */
public interface LocalQuotaCounter extends QuotaCounter {
  /**
   * Raises what this counter holds for the key to at least {@code standing}, where the periods
   * still match: a key the shared counter found exhausted stays exhausted here, rather than
   * starting a fresh window, day and month. What it counted itself, if more, stays.
   */
  void resumeFrom(KeyId key, QuotaStanding standing);
}
