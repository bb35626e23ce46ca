package io.bedrockgateway.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.application.port.out.SettableClock;
import io.bedrockgateway.domain.error.DependencyUnavailable;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.KeyHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class KeyLookupCacheTest {
  private static final KeyHash KNOWN = new KeyHash("a".repeat(64));
  private static final KeyHash UNKNOWN = new KeyHash("b".repeat(64));

  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T12:00:00Z"));
  private final KeyLookupCache cache = new KeyLookupCache(Duration.ZERO, clock);
  private final AtomicInteger calls = new AtomicInteger();

  @Test
  void aFailedLookupFallsBackToTheLastKnownAnswerAndTheStoreIsLeftAloneForAMoment() {
    assertThat(cache.get(KNOWN, answering(Optional.empty()))).isEmpty();
    calls.set(0);

    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.get(KNOWN, failing())).isEmpty();
    assertThat(cache.get(KNOWN, failing())).isEmpty();
    assertThat(calls).as("asked once while failing, then left alone").hasValue(1);
    assertThatThrownBy(() -> cache.get(UNKNOWN, failing()))
        .as("nothing to fall back to")
        .isInstanceOf(DependencyUnavailable.class);

    clock.advance(KeyLookupCache.RETRY_AFTER_FAILURE);
    calls.set(0);
    assertThat(cache.get(KNOWN, answering(Optional.empty()))).isEmpty();
    assertThat(calls).as("asked again after the pause").hasValue(1);
  }

  @Test
  void anAnswerOlderThanTheStaleLimitIsNotUsed() {
    cache.get(KNOWN, answering(Optional.empty()));

    clock.advance(KeyLookupCache.STALE_LIMIT);

    assertThatThrownBy(() -> cache.get(KNOWN, failing())).isInstanceOf(DependencyUnavailable.class);
  }

  private Supplier<Optional<ApiKeyRecord>> answering(Optional<ApiKeyRecord> answer) {
    return () -> {
      calls.incrementAndGet();
      return answer;
    };
  }

  private Supplier<Optional<ApiKeyRecord>> failing() {
    return () -> {
      calls.incrementAndGet();
      throw new DependencyUnavailable("The key store is unavailable; retry shortly.");
    };
  }
}
