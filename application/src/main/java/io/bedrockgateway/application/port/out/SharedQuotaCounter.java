package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.quota.QuotaStanding;
import java.util.Optional;

/**
 * A {@link QuotaCounter} whose counts every instance shares, kept in a store that may become
 * unavailable. It remembers what its last answer for each key said the key had used, so that while
 * the store cannot be reached a {@link LocalQuotaCounter} can carry on from there.
 */
public interface SharedQuotaCounter extends QuotaCounter {
  /** What the counter's last answer for the key said it had used; empty if it never answered. */
  Optional<QuotaStanding> lastStanding(KeyId key);
}
