package io.bedrockgateway.adapter.mongo;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the usage writer has done and how MongoDB looks to it: counters for metrics and health, and
 * whether the last attempt reached MongoDB. Thread-safe.
 */
final class LedgerStatus {
  /** A snapshot, for health and logs. */
  record Snapshot(
      boolean reachable,
      Optional<Instant> unreachableSince,
      Optional<String> lastFailure,
      long written,
      long spooled,
      long replayed,
      long queueOverflows,
      long lost,
      Optional<String> spoolFailure) {}

  private final Clock clock;
  private final AtomicReference<Instant> unreachableSince = new AtomicReference<>();
  private final AtomicReference<String> lastFailure = new AtomicReference<>();
  private final AtomicReference<String> spoolFailure = new AtomicReference<>();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong spooled = new AtomicLong();
  private final AtomicLong replayed = new AtomicLong();
  private final AtomicLong queueOverflows = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();

  LedgerStatus(Clock clock) {
    this.clock = clock;
  }

  /** Returns true when MongoDB had been unreachable until now. */
  boolean reached() {
    lastFailure.set(null);
    return unreachableSince.getAndSet(null) != null;
  }

  /** Returns true when MongoDB had been reachable until now. */
  boolean unreachable(String failure) {
    lastFailure.set(failure);
    return unreachableSince.compareAndSet(null, clock.instant());
  }

  boolean isReachable() {
    return unreachableSince.get() == null;
  }

  void written(long count) {
    written.addAndGet(count);
  }

  void spooled(long count) {
    spooled.addAndGet(count);
    spoolFailure.set(null);
  }

  void replayed(long count) {
    replayed.addAndGet(count);
  }

  /** Returns the number of overflows so far. */
  long queueOverflowed() {
    return queueOverflows.incrementAndGet();
  }

  /** Returns the number of events lost so far. */
  long lost(long count, String failure) {
    spoolFailure.set(failure);
    return lost.addAndGet(count);
  }

  Snapshot snapshot() {
    return new Snapshot(
        isReachable(),
        Optional.ofNullable(unreachableSince.get()),
        Optional.ofNullable(lastFailure.get()),
        written.get(),
        spooled.get(),
        replayed.get(),
        queueOverflows.get(),
        lost.get(),
        Optional.ofNullable(spoolFailure.get()));
  }
}
