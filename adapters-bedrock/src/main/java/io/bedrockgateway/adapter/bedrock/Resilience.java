package io.bedrockgateway.adapter.bedrock;

import java.time.Duration;
import java.util.Objects;

/**
 * How the adapter retries and when it stops calling a target that keeps failing.
 *
 * @param maxAttempts rounds over a route's targets, the first included; a throttled or unavailable
 *     target passes the request to the next one at once, and the route is tried again after a
 *     backoff only when every target failed
 * @param baseDelay the wait before the second round; it doubles each round, with random jitter
 * @param maxDelay the longest wait between two rounds
 * @param deadline no round starts later than this after the call began
 * @param breakerFailureRate the share of failed calls (percent) that opens a target's breaker
 * @param breakerMinimumCalls the calls a breaker must have seen before it judges the rate
 * @param breakerOpenDuration how long an open breaker refuses calls before it lets probes through
 */
public record Resilience(
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    Duration deadline,
    int breakerFailureRate,
    int breakerMinimumCalls,
    Duration breakerOpenDuration) {

  public static final Resilience DEFAULTS =
      new Resilience(
          3,
          Duration.ofMillis(250),
          Duration.ofSeconds(4),
          Duration.ofSeconds(20),
          50,
          20,
          Duration.ofSeconds(30));

  public Resilience {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    requirePositive("baseDelay", baseDelay);
    requirePositive("maxDelay", maxDelay);
    requirePositive("deadline", deadline);
    requirePositive("breakerOpenDuration", breakerOpenDuration);
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("maxDelay must not be shorter than baseDelay");
    }
    if (breakerFailureRate < 1 || breakerFailureRate > 100) {
      throw new IllegalArgumentException("breakerFailureRate must be between 1 and 100");
    }
    if (breakerMinimumCalls < 1) {
      throw new IllegalArgumentException("breakerMinimumCalls must be at least 1");
    }
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
