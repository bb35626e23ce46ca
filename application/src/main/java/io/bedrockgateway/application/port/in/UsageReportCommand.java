package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.UsageGrouping;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Usage of {@code [from, to)}, grouped, as {@code viewer} may see it; with a key, only that key's
 * requests; with a client request id, only the requests that carried it.
 */
public record UsageReportCommand(
    Viewer viewer,
    Instant from,
    Instant to,
    UsageGrouping groupBy,
    Optional<KeyId> key,
    Optional<RequestId> clientRequestId) {
  /** Who asks: the operator (admin token), or the holder of an API key. */
  public sealed interface Viewer {
    record Operator() implements Viewer {}

    /** An authenticated key: it sees only its own usage. */
    record KeyHolder(Principal caller) implements Viewer {
      public KeyHolder {
        Objects.requireNonNull(caller, "caller");
      }
    }
  }

  public UsageReportCommand {
    Objects.requireNonNull(viewer, "viewer");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(groupBy, "groupBy");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(clientRequestId, "clientRequestId");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from: must be before to");
    }
  }

  /** Every request of the period the viewer may see, whatever its key or client request id. */
  public UsageReportCommand(Viewer viewer, Instant from, Instant to, UsageGrouping groupBy) {
    this(viewer, from, to, groupBy, Optional.empty(), Optional.empty());
  }
}
