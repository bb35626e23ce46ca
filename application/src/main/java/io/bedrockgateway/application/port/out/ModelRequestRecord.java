package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.usage.UsageEvent;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one model request did, for metrics: its usage record, the time spent waiting on the model
 * (the rest of the latency is the gateway's overhead), and the limit that refused it, if one did.
 */
public record ModelRequestRecord(
    UsageEvent usage, Duration upstreamTime, Optional<LimitKind> deniedBy) {
  public ModelRequestRecord {
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(upstreamTime, "upstreamTime");
    Objects.requireNonNull(deniedBy, "deniedBy");
    if (upstreamTime.isNegative()) {
      throw new IllegalArgumentException("upstreamTime must not be negative");
    }
  }

  /** The gateway's own share of the latency: the total less the time spent upstream. */
  public Duration overhead() {
    Duration overhead = usage.latency().minus(upstreamTime);
    return overhead.isNegative() ? Duration.ZERO : overhead;
  }
}
