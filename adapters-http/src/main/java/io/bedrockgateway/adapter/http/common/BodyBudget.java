package io.bedrockgateway.adapter.http.common;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The request body bytes every request of the instance together may hold while they are read and
 * parsed. A request that would pass it is refused, not queued: its client retries later.
 */
public final class BodyBudget {
  private final long capacity;
  private final AtomicLong taken = new AtomicLong();

  public BodyBudget(long capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** Takes {@code bytes} if they fit; the caller gives them back with {@link #release}. */
  public boolean tryTake(long bytes) {
    while (true) {
      long now = taken.get();
      if (now + bytes > capacity) {
        return false;
      }
      if (taken.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  public void release(long bytes) {
    taken.addAndGet(-bytes);
  }

  /** Bytes held right now. */
  public long taken() {
    return taken.get();
  }
}
