package io.bedrockgateway.domain.usage;

import io.bedrockgateway.domain.key.KeyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Which usage to total: requests received in {@code [from, to)}, grouped, of one key or of all. */
public record UsageQuery(Instant from, Instant to, UsageGrouping groupBy, Optional<KeyId> key) {
  public UsageQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(groupBy, "groupBy");
    Objects.requireNonNull(key, "key");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  public boolean covers(UsageEvent event) {
    Instant at = event.context().receivedAt();
    return !at.isBefore(from)
        && at.isBefore(to)
        && key.map(id -> event.principal().map(owner -> owner.keyId().equals(id)).orElse(false))
            .orElse(true);
  }
}
