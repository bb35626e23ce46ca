package io.bedrockgateway.domain.usage;

import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which usage to total: requests received in {@code [from, to)}, grouped, of one key or of all, and
 * perhaps only those that carried one client request id ({@code X-Request-ID}; clients may reuse
 * one, so it may name several requests).
 */
public record UsageQuery(
    Instant from,
    Instant to,
    UsageGrouping groupBy,
    Optional<KeyId> key,
    Optional<RequestId> clientRequestId) {
  public UsageQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(groupBy, "groupBy");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(clientRequestId, "clientRequestId");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  /** Every request of the period, whatever its client request id. */
  public UsageQuery(Instant from, Instant to, UsageGrouping groupBy, Optional<KeyId> key) {
    this(from, to, groupBy, key, Optional.empty());
  }

  public boolean covers(UsageEvent event) {
    Instant at = event.context().receivedAt();
    return !at.isBefore(from)
        && at.isBefore(to)
        && key.map(id -> event.principal().map(owner -> owner.keyId().equals(id)).orElse(false))
            .orElse(true)
        && clientRequestId.map(id -> event.context().requestId().equals(id)).orElse(true);
  }
}
