package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.application.port.out.UpstreamObserver;
import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.catalog.ModelTarget;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.error.UpstreamUnavailable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a call along a route. Each round tries the targets in order: a throttled, unavailable or
 * failing (5xx) target hands the call to the next at once, and only when every target failed does
 * the next round begin, after an exponential backoff with jitter. Rounds are bounded in number and
 * by a deadline, and no attempt is repeated once part of its answer reached the caller. Each target
 * has its own circuit breaker: a target that keeps failing is skipped until a probe succeeds.
 * Failed attempts, new rounds and fallbacks are told to an {@link UpstreamObserver}.
 */
final class Failover {

  /** One attempt at one target; throws a {@link TargetFailure} when the target failed. */
  @FunctionalInterface
  interface Attempt<T> {
    T run(ModelTarget target);
  }

  private static final double BACKOFF_MULTIPLIER = 2.0;
  private static final double JITTER = 0.5;
  private static final int BREAKER_WINDOW_CALLS = 50;
  private static final int BREAKER_PROBES = 3;

  private final Retry retry;
  private final CircuitBreakerRegistry breakers;
  private final Duration deadline;
  private final Clock clock;
  private final UpstreamObserver observer;
  private final LastOutcome lastOutcome;

  Failover(Resilience resilience, Clock clock, UpstreamObserver observer, LastOutcome lastOutcome) {
    this.clock = clock;
    this.observer = observer;
    this.lastOutcome = lastOutcome;
    this.deadline = resilience.deadline();
    IntervalFunction backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            resilience.baseDelay(), BACKOFF_MULTIPLIER, JITTER, resilience.maxDelay());
    this.retry =
        Retry.of(
            "bedrock",
            RetryConfig.<Object>custom()
                .maxAttempts(resilience.maxAttempts())
                .retryOnException(failure -> failure instanceof RoundFailed round && round.again())
                .intervalBiFunction(
                    (attempt, outcome) ->
                        outcome.isLeft() && outcome.getLeft() instanceof RoundFailed round
                            ? Math.min(backoff.apply(attempt), round.millisLeft())
                            : backoff.apply(attempt))
                .build());
    retry.getEventPublisher().onRetry(event -> observer.retried());
    this.breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .failureRateThreshold(resilience.breakerFailureRate())
                .minimumNumberOfCalls(resilience.breakerMinimumCalls())
                .slidingWindowSize(Math.max(BREAKER_WINDOW_CALLS, resilience.breakerMinimumCalls()))
                .waitDurationInOpenState(resilience.breakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(BREAKER_PROBES)
                .build());
  }

  /**
   * The first answer a target gives; else the failure of the last target tried, as a {@link
   * GatewayException}.
   */
  <T> T call(ModelRoute route, Attempt<T> attempt) {
    Instant giveUpAt = clock.instant().plus(deadline);
    try {
      return Retry.decorateSupplier(retry, () -> round(route, attempt, giveUpAt)).get();
    } catch (RoundFailed failed) {
      throw failed.failure;
    }
  }

  private <T> T round(ModelRoute route, Attempt<T> attempt, Instant giveUpAt) {
    TargetFailure last = null;
    List<ModelTarget> targets = route.targets();
    for (int index = 0; index < targets.size(); index++) {
      ModelTarget target = targets.get(index);
      CircuitBreaker breaker = breakers.circuitBreaker(target.toString());
      if (!breaker.tryAcquirePermission()) {
        continue;
      }
      long started = System.nanoTime();
      try {
        T answer = attempt.run(target);
        lastOutcome.succeeded();
        breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return answer;
      } catch (TargetFailure failure) {
        long took = System.nanoTime() - started;
        if (failure.retryable()) {
          breaker.onError(took, TimeUnit.NANOSECONDS, failure);
        } else {
          // The target answered; the request was at fault, or the model.
          breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        }
        observer.attemptFailed(failure.error().kind());
        lastOutcome.failed(failure.error().kind());
        if (!failure.mayTryAgain()) {
          throw new RoundFailed(failure.error(), false, giveUpAt, clock);
        }
        if (index + 1 < targets.size()) {
          observer.fellBack(target.model(), targets.get(index + 1).model());
        }
        last = failure;
      } catch (RuntimeException notTheTargets) {
        breaker.releasePermission();
        throw notTheTargets;
      }
    }
    if (last == null) {
      throw new RoundFailed(
          new UpstreamUnavailable(
              "every target for "
                  + route.requested()
                  + " kept failing; the gateway pauses calls to them for a while"),
          false,
          giveUpAt,
          clock);
    }
    throw new RoundFailed(last.error(), true, giveUpAt, clock);
  }

  /** A round in which no target answered. */
  private static final class RoundFailed extends RuntimeException {
    private final GatewayException failure;
    private final boolean retryable;
    private final Instant giveUpAt;
    private final Clock clock;

    RoundFailed(GatewayException failure, boolean retryable, Instant giveUpAt, Clock clock) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
      this.retryable = retryable;
      this.giveUpAt = giveUpAt;
      this.clock = clock;
    }

    boolean again() {
      return retryable && millisLeft() > 0;
    }

    long millisLeft() {
      return Math.max(0, Duration.between(clock.instant(), giveUpAt).toMillis());
    }
  }
}
