package io.bedrockgateway.adapter.redis;

import io.bedrockgateway.application.port.out.QuotaCounterUnavailable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.IllegalStateTransitionException;
import io.lettuce.core.RedisException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call of the quota counter to Redis, through one circuit breaker (resilience4j). Redis is
 * unavailable only when the breaker says so: a call that fails while the breaker is closed is tried
 * once more, so one slow reply costs a retry, not a fall-back. The breaker opens once {@link
 * RedisSettings.Breaker#failureRate()} percent of the calls in its window failed, or once a
 * request's retry failed too (Redis has then not answered it for two command timeouts); while it is
 * open no call waits on Redis, and after {@link RedisSettings.Breaker#openFor()} one call probes it
 * again.
 */
final class RedisCalls {
  private static final Logger LOG = LoggerFactory.getLogger(RedisCalls.class);
  private static final int ATTEMPTS = 2;

  private final CircuitBreaker breaker;
  private final String where;

  RedisCalls(RedisSettings settings, Clock clock) {
    RedisSettings.Breaker judged = settings.breaker();
    this.where = "Redis at " + settings.describe();
    this.breaker =
        CircuitBreaker.of(
            "redis",
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize((int) judged.window().toSeconds())
                .minimumNumberOfCalls(judged.minimumCalls())
                .failureRateThreshold(judged.failureRate())
                .waitDurationInOpenState(judged.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(RedisException.class, QuotaCounterUnavailable.class)
                .clock(Objects.requireNonNull(clock, "clock"))
                .build());
    breaker
        .getEventPublisher()
        .onStateTransition(
            event ->
                LOG.info(
                    "Redis circuit breaker: {} ({})",
                    event.getStateTransition(),
                    event.getStateTransition().getToState() == CircuitBreaker.State.OPEN
                        ? "calls skip Redis for " + judged.openFor().toMillis() + " ms"
                        : "calls go to Redis"));
  }

  /** What a call that went to Redis learned: its answer, or that it failed. */
  static final class Failed extends RuntimeException {
    private final boolean reachedRedis;

    Failed(String message, boolean reachedRedis) {
      super(message, null, false, false);
      this.reachedRedis = reachedRedis;
    }

    /** Whether a command was sent, and so may have run even though no answer came back. */
    boolean reachedRedis() {
      return reachedRedis;
    }

    QuotaCounterUnavailable unavailable() {
      return new QuotaCounterUnavailable(getMessage());
    }
  }

  /**
   * Runs a command of a request: tried again once if it fails while the breaker is closed.
   *
   * @throws Failed when the breaker is open, or opened on this call's failures
   */
  <T> T ofRequest(Supplier<T> command) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (!breaker.tryAcquirePermission()) {
        throw new Failed(
            where + (last == null ? ": paused after failures" : ": " + last.getMessage()),
            last != null);
      }
      long started = System.nanoTime();
      try {
        T answer = command.get();
        breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return answer;
      } catch (RedisException | QuotaCounterUnavailable failure) {
        breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, failure);
        last = failure;
      } catch (RuntimeException notRedis) {
        breaker.releasePermission();
        throw notRedis;
      }
    }
    if (breaker.getState() == CircuitBreaker.State.CLOSED) {
      try {
        breaker.transitionToOpenState();
      } catch (IllegalStateTransitionException openedMeanwhile) {
        // another call's failure opened it first
      }
    }
    throw new Failed(where + ": " + last.getMessage(), true);
  }

  /**
   * Runs a command of the instance's own (renewals, settlements to retry) once, if the breaker lets
   * it; such a call may be the one that probes Redis after a pause.
   *
   * @return whether it ran and succeeded
   */
  boolean inBackground(Runnable command) {
    if (!breaker.tryAcquirePermission()) {
      return false;
    }
    long started = System.nanoTime();
    try {
      command.run();
      breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      return true;
    } catch (RedisException | QuotaCounterUnavailable failure) {
      breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, failure);
      LOG.debug("a background call to {} failed: {}", where, failure.getMessage());
      return false;
    } catch (RuntimeException notRedis) {
      breaker.releasePermission();
      throw notRedis;
    }
  }

  /** Whether calls skip Redis now. */
  boolean paused() {
    CircuitBreaker.State state = breaker.getState();
    return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
  }
}
