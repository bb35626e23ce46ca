package io.bedrockgateway.client;

import java.time.Duration;

/**
 * The gateway's circuit breaker: once {@code failureRatePercent} of the last {@code minimumCalls}
 * gateway calls failed (connection refused, timeout, 502/503/504, a stream whose connection broke),
 * calls skip the gateway for {@code openDuration}, then one call probes it again.
 *
 * @param failureRatePercent {@code GATEWAY_BREAKER_FAILURE_RATE}
 * @param minimumCalls {@code GATEWAY_BREAKER_MINIMUM_CALLS}
 * @param openDuration {@code GATEWAY_BREAKER_OPEN_SECONDS}
 */
public record BreakerSettings(int failureRatePercent, int minimumCalls, Duration openDuration) {
  public static final BreakerSettings DEFAULTS = new BreakerSettings(50, 5, Duration.ofSeconds(30));

  public BreakerSettings {
    if (failureRatePercent < 1 || failureRatePercent > 100) {
      throw new IllegalArgumentException(
          "GATEWAY_BREAKER_FAILURE_RATE must be 1..100, was " + failureRatePercent);
    }
    if (minimumCalls < 1 || minimumCalls > 1000) {
      throw new IllegalArgumentException(
          "GATEWAY_BREAKER_MINIMUM_CALLS must be 1..1000, was " + minimumCalls);
    }
    if (openDuration == null
        || openDuration.toMillis() < 1
        || openDuration.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "GATEWAY_BREAKER_OPEN_SECONDS must be 1..3600 seconds, was " + openDuration);
    }
  }
}
