package io.bedrockgateway.adapter.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tokens per second of admission over the last minute: a sliding minute of one-second steps. An
 * amount counts until 61 whole seconds after the second it was admitted in, so it is held at least
 * a full minute and no minute ever holds more than the limit. Callers synchronize on the instance.
 */
final class MinuteBuckets {
  static final long SECONDS_HELD = 61;

  private final TreeMap<Long, Long> tokensBySecond = new TreeMap<>();

  /** Tokens admitted in the window that {@code now} sees. */
  long used(Instant now) {
    tokensBySecond.headMap(now.getEpochSecond() - SECONDS_HELD, true).clear();
    return tokensBySecond.values().stream().mapToLong(Long::longValue).sum();
  }

  void add(Instant at, long tokens) {
    tokensBySecond.merge(at.getEpochSecond(), tokens, Long::sum);
  }

  /**
   * Makes the minute {@code at} sees hold at least {@code tokens}, the missing ones at {@code at}.
   */
  void atLeast(Instant at, long tokens) {
    long missing = tokens - used(at);
    if (missing > 0) {
      add(at, missing);
    }
  }

  /** Replaces part of what was admitted at {@code at}, if that second still counts. */
  void adjust(Instant at, long delta) {
    tokensBySecond.computeIfPresent(
        at.getEpochSecond(), (second, tokens) -> Math.max(0, tokens + delta));
  }

  /** How long until enough of the counted seconds expire for {@code tokens} more to fit. */
  Duration waitFor(long tokens, long limit, Instant now) {
    long used = used(now);
    for (Map.Entry<Long, Long> bucket : tokensBySecond.entrySet()) {
      used -= bucket.getValue();
      if (used + tokens <= limit) {
        return Duration.between(now, Instant.ofEpochSecond(bucket.getKey() + SECONDS_HELD));
      }
    }
    return Duration.ofSeconds(SECONDS_HELD);
  }
}
