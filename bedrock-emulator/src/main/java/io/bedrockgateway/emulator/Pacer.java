package io.bedrockgateway.emulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Paces answers: waits that park the (virtual) request thread and end early when the emulator
 * closes, so that closing never waits for a slow or stalled answer.
 */
final class Pacer {

  /** The longest a stalled answer keeps its connection silent. */
  static final Duration STALL_LIMIT = Duration.ofMinutes(3);

  private final CountDownLatch closed = new CountDownLatch(1);

  void await(Duration delay) throws InterruptedException {
    if (delay.isPositive()) {
      closed.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  void stall() throws InterruptedException {
    await(STALL_LIMIT);
  }

  void close() {
    closed.countDown();
  }
}
