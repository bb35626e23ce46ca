package io.bedrockgateway.adapter.metrics;

import java.time.Duration;

/** Fixed histogram buckets: a few series per label set, whatever the traffic. */
final class Buckets {
  /** For whole requests and upstream calls: from 10 ms to 2 minutes. */
  static final Duration[] LATENCY =
      millis(10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 120_000);

  /** For the gateway's own share of a request: from a tenth of a millisecond to a second. */
  static final Duration[] OVERHEAD =
      micros(
          100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 1_000_000);

  private Buckets() {}

  private static Duration[] millis(long... values) {
    Duration[] buckets = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      buckets[i] = Duration.ofMillis(values[i]);
    }
    return buckets;
  }

  private static Duration[] micros(long... values) {
    Duration[] buckets = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      buckets[i] = Duration.ofNanos(values[i] * 1_000);
    }
    return buckets;
  }
}
