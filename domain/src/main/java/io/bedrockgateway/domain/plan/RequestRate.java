package io.bedrockgateway.domain.plan;

import java.time.Duration;
import java.util.Objects;

/** At most {@code limit} requests in any sliding {@code window}. */
public record RequestRate(long limit, Duration window) {
  public RequestRate {
    Objects.requireNonNull(window, "window");
    if (limit < 1) {
      throw new IllegalArgumentException("a request limit must be at least 1");
    }
    if (window.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("a rate window must be at least one second");
    }
  }
}
