package io.bedrockgateway.client;

/**
 * The path a call took and why, for the caller's logs and A/B comparisons. {@code bucket} is the
 * routing key's bucket (0..99, see {@link TrafficSplit}); {@code fallbackCause} is set only when
 * the call fell back to direct Bedrock (or skipped the gateway because its breaker was open).
 */
public record Route(Path path, RouteReason reason, int bucket, FailureCause fallbackCause) {
  public Route {
    if (path == null || reason == null) {
      throw new IllegalArgumentException("a route needs a path and a reason");
    }
    if (bucket < 0 || bucket > 99) {
      throw new IllegalArgumentException("bucket must be 0..99, was " + bucket);
    }
    boolean fellBack = reason == RouteReason.FALLBACK || reason == RouteReason.BREAKER_OPEN;
    if (fellBack != (fallbackCause != null)) {
      throw new IllegalArgumentException("a fallback cause goes with a fallback, and only then");
    }
    if (fellBack && path != Path.DIRECT) {
      throw new IllegalArgumentException("a fallback goes direct");
    }
  }

  static Route decided(Path path, RouteReason reason, int bucket) {
    return new Route(path, reason, bucket, null);
  }

  /** The same decision, served direct after the gateway failed with {@code cause}. */
  Route fallenBack(FailureCause cause) {
    return new Route(
        Path.DIRECT,
        cause == FailureCause.BREAKER_OPEN ? RouteReason.BREAKER_OPEN : RouteReason.FALLBACK,
        bucket,
        cause);
  }

  /** True when the call was meant for the gateway but went direct. */
  public boolean fellBack() {
    return fallbackCause != null;
  }
}
