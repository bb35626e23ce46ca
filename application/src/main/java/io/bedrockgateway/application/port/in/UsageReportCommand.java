package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.usage.UsageGrouping;
import java.time.Instant;
import java.util.Objects;

/** Usage of {@code [from, to)}, grouped, as {@code viewer} may see it. */
public record UsageReportCommand(Viewer viewer, Instant from, Instant to, UsageGrouping groupBy) {
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
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from: must be before to");
    }
  }
}
