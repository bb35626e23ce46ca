package io.bedrockgateway.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bedrockgateway.application.port.out.SettableClock;
import io.lettuce.core.RedisCommandTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker in front of Redis, over a stand-in command that fails or answers as told, and
 * a clock the test moves: when Redis counts as unavailable, and when it is asked again.
 */
class RedisCallsTest {
  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final Duration OPEN_FOR = Duration.ofSeconds(5);
  private static final int MINIMUM_CALLS = 4;

  private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final RedisCalls calls =
      new RedisCalls(
          RedisSettings.of("redis://127.0.0.1:6379", false, Duration.ofMillis(500))
              .withBreaker(new RedisSettings.Breaker(50, MINIMUM_CALLS, WINDOW, OPEN_FOR)),
          clock);
  private final Command redis = new Command();

  @Test
  void oneTimeoutIsRetriedAndTheNextCallStillGoesToRedis() {
    redis.failNext(1);

    assertThat(calls.ofRequest(redis::run)).isEqualTo("answer");
    assertThat(calls.paused()).isFalse();
    assertThat(calls.ofRequest(redis::run)).isEqualTo("answer");
    assertThat(redis.runs).isEqualTo(3);
  }

  @Test
  void aRequestWhoseRetryFailsTooOpensTheBreaker() {
    redis.failNext(2);

    RedisCalls.Failed failed = catchThrowableOfType(RedisCalls.Failed.class, this::request);

    assertThat(failed.reachedRedis()).isTrue();
    assertThat(failed.unavailable().getMessage()).contains("Redis at 127.0.0.1:6379");
    assertThat(calls.paused()).isTrue();
    RedisCalls.Failed skipped = catchThrowableOfType(RedisCalls.Failed.class, this::request);
    assertThat(skipped.reachedRedis()).isFalse();
    assertThat(redis.runs).isEqualTo(2);
  }

  @Test
  void failuresOfSeveralRequestsInTheWindowOpenIt() {
    redis.failNext(1);
    request();
    clock.advance(Duration.ofSeconds(2));
    redis.failNext(1);
    assertThat(calls.paused()).isFalse();

    // the fourth call of the window, and half of them failed
    request();

    assertThat(calls.paused()).isTrue();
    assertThat(catchThrowableOfType(RedisCalls.Failed.class, this::request)).isNotNull();
    assertThat(redis.runs).isEqualTo(4);
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() {
    redis.failNext(1);
    request();
    clock.advance(WINDOW.plusSeconds(1));
    redis.failNext(1);

    request();

    assertThat(calls.paused()).isFalse();
    assertThat(request()).isEqualTo("answer");
  }

  @Test
  void afterItsWaitOneCallProbesRedisAndAnAnswerClosesIt() {
    redis.failNext(2);
    catchThrowableOfType(RedisCalls.Failed.class, this::request);
    clock.advance(OPEN_FOR.minusMillis(1));
    assertThat(catchThrowableOfType(RedisCalls.Failed.class, this::request)).isNotNull();
    clock.advance(Duration.ofMillis(2));

    assertThat(request()).isEqualTo("answer");

    assertThat(calls.paused()).isFalse();
    assertThat(request()).isEqualTo("answer");
    assertThat(redis.runs).isEqualTo(4);
  }

  @Test
  void aProbeThatFailsPausesRedisAgain() {
    redis.failNext(3);
    catchThrowableOfType(RedisCalls.Failed.class, this::request);
    clock.advance(OPEN_FOR.plusMillis(1));

    RedisCalls.Failed probeFailed = catchThrowableOfType(RedisCalls.Failed.class, this::request);

    assertThat(probeFailed.reachedRedis()).isTrue();
    assertThat(calls.paused()).isTrue();
    assertThat(redis.runs).as("the probe is not retried while the breaker is open").isEqualTo(3);
  }

  @Test
  void backgroundCallsRunOnceAndNotWhileRedisIsPaused() {
    redis.failNext(1);
    assertThat(calls.inBackground(redis::run)).isFalse();
    assertThat(calls.inBackground(redis::run)).isTrue();
    redis.failNext(2);
    catchThrowableOfType(RedisCalls.Failed.class, this::request);

    assertThat(calls.inBackground(redis::run)).isFalse();

    assertThat(redis.runs).isEqualTo(4);
    clock.advance(OPEN_FOR.plusMillis(1));
    assertThat(calls.inBackground(redis::run)).as("a background call may probe").isTrue();
    assertThat(calls.paused()).isFalse();
  }

  private String request() {
    return calls.ofRequest(redis::run);
  }

  /** A Redis command that times out as often as told, then answers. */
  private static final class Command {
    private final Deque<Boolean> failures = new ArrayDeque<>();
    int runs;

    void failNext(int times) {
      for (int i = 0; i < times; i++) {
        failures.add(true);
      }
    }

    String run() {
      runs++;
      if (failures.pollFirst() != null) {
        throw new RedisCommandTimeoutException("Command timed out after 500 millisecond(s)");
      }
      return "answer";
    }
  }
}
