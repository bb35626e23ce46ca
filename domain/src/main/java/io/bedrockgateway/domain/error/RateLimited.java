package io.bedrockgateway.domain.error;

import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** One of the key's limits denied the request; nothing was consumed. */
public final class RateLimited extends GatewayException {
  private final LimitKind limit;
  private final Duration retryAfter;
  private final Optional<RateLimitStatus> status;

  public RateLimited(LimitKind limit, Duration retryAfter, Optional<RateLimitStatus> status) {
    super(
        "the "
            + Objects.requireNonNull(limit, "limit").wireName()
            + " limit of this API key is exhausted");
    this.limit = limit;
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.status = Objects.requireNonNull(status, "status");
  }

  public LimitKind limit() {
    return limit;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public Optional<RateLimitStatus> status() {
    return status;
  }

  @Override
  public String kind() {
    return "rate_limited";
  }
}
