package io.bedrockgateway.domain.quota;

import java.time.Instant;
import java.util.Objects;

/** Where a key stands against its request limit, as told to the caller in X-RateLimit headers. */
public record RateLimitStatus(long limit, long remaining, Instant resetAt) {
  public RateLimitStatus {
    Objects.requireNonNull(resetAt, "resetAt");
    if (limit < 1 || remaining < 0 || remaining > limit) {
      throw new IllegalArgumentException("need 0 <= remaining <= limit and limit >= 1");
    }
  }
}
