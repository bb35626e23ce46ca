package io.bedrockgateway.emulator;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces answers: waits that park the (virtual) request thread and end early when the emulator
 * closes, so that closing never waits for a slow or stalled answer. Each wait parks on its own
 * thread: thousands of paced streams sharing one latch made every timed-out wait walk the latch's
 * whole queue of waiters, which took most of the emulator's CPU at 3,000 open streams.
 */
final class Pacer {

  /** The longest a stalled answer keeps its connection silent. */
  static final Duration STALL_LIMIT = Duration.ofMinutes(3);

  private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  void await(Duration delay) throws InterruptedException {
    if (!delay.isPositive() || closed) {
      return;
    }
    Thread self = Thread.currentThread();
    waiting.add(self);
    try {
      long deadline = System.nanoTime() + delay.toNanos();
      // closed is read after this thread is in the set: close() either sees it there and
      // unparks it, or set closed before this read
      for (long left = delay.toNanos(); left > 0 && !closed; left = deadline - System.nanoTime()) {
        LockSupport.parkNanos(this, left);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    } finally {
      waiting.remove(self);
    }
  }

  void stall() throws InterruptedException {
    await(STALL_LIMIT);
  }

  void close() {
    closed = true;
    waiting.forEach(LockSupport::unpark);
  }
}
