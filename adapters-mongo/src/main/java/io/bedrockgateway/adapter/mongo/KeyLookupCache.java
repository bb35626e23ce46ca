package io.bedrockgateway.adapter.mongo;

import io.bedrockgateway.domain.error.DependencyUnavailable;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.KeyHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key lookups by hash, reused for a short time so that each request does not wait on MongoDB, and a
 * revocation still reaches every instance within that time. While MongoDB cannot be reached or does
 * not answer in time, keys looked up in the last {@link #STALE_LIMIT} keep their last known state,
 * so an outage does not lock every caller out; for {@link #RETRY_AFTER_FAILURE} after a failed
 * lookup those keys are answered without asking MongoDB again, so that a MongoDB that hangs costs
 * one caller the timeout, not every caller. Hand-written rather than a cache library because of
 * that stale-on-failure rule.
 */
final class KeyLookupCache {
  private static final Logger LOG = LoggerFactory.getLogger(KeyLookupCache.class);
  static final Duration STALE_LIMIT = Duration.ofMinutes(10);
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
  private static final int MAX_ENTRIES = 100_000;

  private record Entry(Optional<ApiKeyRecord> key, Instant loadedAt) {}

  private final Duration ttl;
  private final Clock clock;
  private final Map<KeyHash, Entry> entries = new ConcurrentHashMap<>();
  private volatile Instant lastFailure = Instant.MIN;

  KeyLookupCache(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  Optional<ApiKeyRecord> get(KeyHash hash, Supplier<Optional<ApiKeyRecord>> load) {
    Instant now = clock.instant();
    Entry cached = entries.get(hash);
    if (cached != null && age(cached, now).compareTo(ttl) < 0) {
      return cached.key();
    }
    boolean usable = cached != null && age(cached, now).compareTo(STALE_LIMIT) < 0;
    if (usable && now.isBefore(lastFailure.plus(RETRY_AFTER_FAILURE))) {
      return cached.key();
    }
    try {
      Optional<ApiKeyRecord> loaded = load.get();
      remember(hash, new Entry(loaded, now));
      return loaded;
    } catch (DependencyUnavailable down) {
      lastFailure = clock.instant();
      if (!usable) {
        throw down;
      }
      LOG.debug("Key store unreachable: using the lookup of {} ago", age(cached, now));
      return cached.key();
    }
  }

  /** Drops what this instance knows about a key it just changed. */
  void forget(KeyHash hash) {
    entries.remove(hash);
  }

  private void remember(KeyHash hash, Entry entry) {
    if (entries.size() >= MAX_ENTRIES) {
      Instant now = clock.instant();
      entries.values().removeIf(old -> age(old, now).compareTo(STALE_LIMIT) >= 0);
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    entries.put(hash, entry);
  }

  private static Duration age(Entry entry, Instant now) {
    return Duration.between(entry.loadedAt(), now);
  }
}
