package io.bedrockgateway.adapter.redis;

import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.quota.Reservation;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reservations this instance holds in Redis for requests still running, and their stream slots.
 * Each expires unless renewed: a stream slot after a lease, a reservation after a lapse. The
 * instance renews its own every third of the shorter of the two, so what a crashed instance held,
 * or an admission whose answer never arrived, frees itself, and no running request loses its own.
 */
final class HeldReservations {
  private static final Logger LOG = LoggerFactory.getLogger(HeldReservations.class);
  private static final LuaScript RENEW = LuaScript.named("renew-leases.lua");

  private final RedisConnection redis;
  private final RedisCalls calls;
  private final Map<KeyId, Set<String>> heldByKey = new ConcurrentHashMap<>();

  HeldReservations(RedisConnection redis, RedisCalls calls) {
    this.redis = redis;
    this.calls = calls;
    RedisSettings settings = redis.settings();
    Duration shorter =
        settings.streamLease().compareTo(settings.reservationLapse()) < 0
            ? settings.streamLease()
            : settings.reservationLapse();
    long every = shorter.toMillis() / 3;
    redis.background().scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
  }

  void hold(Reservation reservation) {
    heldByKey.compute(
        reservation.keyId(),
        (key, held) -> {
          Set<String> ids = held == null ? ConcurrentHashMap.newKeySet() : held;
          ids.add(reservation.id().value());
          return ids;
        });
  }

  void release(Reservation reservation) {
    heldByKey.computeIfPresent(
        reservation.keyId(),
        (key, held) -> {
          held.remove(reservation.id().value());
          return held.isEmpty() ? null : held;
        });
  }

  /** Renews key by key; stops at the first key Redis does not renew, to try again next time. */
  private void renewAll() {
    RedisSettings settings = redis.settings();
    for (Map.Entry<KeyId, Set<String>> entry : heldByKey.entrySet()) {
      String[] args =
          Stream.concat(
                  Stream.of(
                      Long.toString(settings.streamLease().toMillis()),
                      Long.toString(settings.reservationLapse().toMillis())),
                  entry.getValue().stream())
              .toArray(String[]::new);
      String[] keys = QuotaKeys.of(entry.getKey()).held();
      if (!calls.inBackground(() -> RENEW.run(redis.commands().scripting(), keys, args))) {
        LOG.debug("could not renew reservations in Redis this time");
        return;
      }
    }
  }
}
