package io.bedrockgateway.adapter.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The admission times of one key within the last window: an exact sliding window, so no burst of
 * twice the limit can straddle a window boundary. Callers synchronize on the instance.
 */
final class SlidingWindowLog {
  private final Deque<Instant> admissions = new ArrayDeque<>();

  void forgetBefore(Instant cutoff) {
    while (!admissions.isEmpty() && !admissions.peekFirst().isAfter(cutoff)) {
      admissions.pollFirst();
    }
  }

  int size() {
    return admissions.size();
  }

  void record(Instant at) {
    admissions.addLast(at);
  }

  /** When the oldest admission leaves the window and frees a slot. */
  Instant nextSlotFreeAt(Duration window, Instant now) {
    return admissions.isEmpty() ? now : admissions.peekFirst().plus(window);
  }
}
