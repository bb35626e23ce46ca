package io.bedrockgateway.adapter.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

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

  /**
   * Makes the log hold at least {@code count} admissions: missing ones are taken as admitted at
   * {@code oldest} (one) and {@code latest} (the rest), no earlier than they really were.
   */
  void atLeast(long count, Instant oldest, Instant latest) {
    long missing = count - admissions.size();
    if (missing <= 0) {
      return;
    }
    List<Instant> all = new ArrayList<>(admissions);
    all.add(oldest);
    for (long i = 1; i < missing; i++) {
      all.add(latest);
    }
    all.sort(Comparator.naturalOrder());
    admissions.clear();
    admissions.addAll(all);
  }

  /** When the oldest admission leaves the window and frees a slot. */
  Instant nextSlotFreeAt(Duration window, Instant now) {
    return admissions.isEmpty() ? now : admissions.peekFirst().plus(window);
  }
}
