package io.bedrockgateway.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's circuit breaker (resilience4j): counts the gateway's own failures over the last
 * {@code minimumCalls} calls; past the failure rate it opens for the cool-down, then lets one call
 * probe the gateway, and closes again when that call succeeds.
 */
final class GatewayBreaker {
  private final CircuitBreaker breaker;

  GatewayBreaker(BreakerSettings settings, Clock clock, ClientListener listener) {
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .slidingWindow(
                settings.minimumCalls(),
                settings.minimumCalls(),
                CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(settings.failureRatePercent())
            .waitDurationInOpenState(settings.openDuration())
            .permittedNumberOfCallsInHalfOpenState(1)
            .clock(clock)
            .build();
    breaker = CircuitBreaker.of("bedrock-gateway", config);
    breaker
        .getEventPublisher()
        .onStateTransition(
            event ->
                listener.onBreakerStateChange(
                    state(event.getStateTransition().getFromState()),
                    state(event.getStateTransition().getToState())));
  }

  /** True when the gateway may be called now. */
  boolean tryEnter() {
    return breaker.tryAcquirePermission();
  }

  /** The gateway answered (an answer, or a refusal of its own: it is up). */
  void answered(long startNanos) {
    breaker.onSuccess(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  /** The gateway itself failed. */
  void failed(long startNanos, Throwable failure) {
    breaker.onError(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS, failure);
  }

  /** The call ended without telling anything about the gateway (e.g. the caller's own error). */
  void released() {
    breaker.releasePermission();
  }

  BreakerState state() {
    return state(breaker.getState());
  }

  private static BreakerState state(CircuitBreaker.State state) {
    return switch (state) {
      case OPEN, FORCED_OPEN -> BreakerState.OPEN;
      case HALF_OPEN -> BreakerState.HALF_OPEN;
      case CLOSED, DISABLED, METRICS_ONLY -> BreakerState.CLOSED;
    };
  }
}
