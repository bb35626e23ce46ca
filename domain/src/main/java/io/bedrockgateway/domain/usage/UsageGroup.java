package io.bedrockgateway.domain.usage;

import java.util.Objects;
import java.util.Optional;

/** The totals of one group; the group is empty for requests that lack it (e.g. no key). */
public record UsageGroup(Optional<String> group, UsageTotals totals) {
  public UsageGroup {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(totals, "totals");
  }
}
