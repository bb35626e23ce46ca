package io.bedrockgateway.domain.error;

import java.time.Duration;
import java.util.Objects;

/** The model service is throttling the gateway. */
public final class UpstreamThrottled extends GatewayException {
  private final Duration retryAfter;

  public UpstreamThrottled(String detail, Duration retryAfter) {
    super(detail);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public String kind() {
    return "upstream_throttled";
  }

  @Override
  public boolean isUpstream() {
    return true;
  }
}
