package io.bedrockgateway.adapter.redis;

import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Reservation;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settlements Redis did not take when their requests ended, oldest first, to be sent again: so what
 * a request used reaches the shared counts after a blip too. Settling is idempotent in Redis, so a
 * settlement that did run before its answer was lost counts once. Bounded: past {@link #AT_MOST}
 * the oldest is dropped, and its reservation lapses in Redis by itself.
 */
final class Unsettled {
  static final int AT_MOST = 100_000;
  private static final Logger LOG = LoggerFactory.getLogger(Unsettled.class);

  private record Settlement(Reservation reservation, Consumption actual) {}

  private final Deque<Settlement> waiting = new ConcurrentLinkedDeque<>();
  private final AtomicInteger size = new AtomicInteger();

  void add(Reservation reservation, Consumption actual) {
    waiting.addLast(new Settlement(reservation, actual));
    if (size.incrementAndGet() > AT_MOST) {
      Settlement dropped = waiting.pollFirst();
      if (dropped != null) {
        size.decrementAndGet();
        LOG.warn(
            "{} settlements wait for Redis; dropped the oldest (reservation {} of key {}), whose"
                + " reservation lapses by itself",
            AT_MOST,
            dropped.reservation().id(),
            dropped.reservation().keyId());
      }
    }
  }

  int size() {
    return size.get();
  }

  /** Sends them again in order, and stops at the first Redis does not take. */
  void retry(BiPredicate<Reservation, Consumption> settle) {
    for (Settlement next = waiting.peekFirst(); next != null; next = waiting.peekFirst()) {
      if (!settle.test(next.reservation(), next.actual())) {
        return;
      }
      if (waiting.remove(next)) {
        size.decrementAndGet();
      }
    }
  }
}
