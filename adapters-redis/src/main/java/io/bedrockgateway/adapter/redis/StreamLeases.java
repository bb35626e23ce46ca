package io.bedrockgateway.adapter.redis;

import io.bedrockgateway.application.port.out.QuotaCounterUnavailable;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.quota.Reservation;
import io.lettuce.core.RedisException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream slots this instance holds in Redis. Each is a lease that expires unless renewed; the
 * instance renews its own every third of a lease, so the slots of a crashed instance free
 * themselves and no running stream loses its slot.
 */
final class StreamLeases {
  private static final Logger LOG = LoggerFactory.getLogger(StreamLeases.class);
  private static final LuaScript RENEW = LuaScript.named("renew-leases.lua");

  private final RedisConnection redis;
  private final Map<KeyId, Set<String>> heldByKey = new ConcurrentHashMap<>();

  StreamLeases(RedisConnection redis) {
    this.redis = redis;
    long every = redis.settings().streamLease().toMillis() / 3;
    redis.background().scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
  }

  void hold(Reservation reservation) {
    heldByKey.compute(
        reservation.keyId(),
        (key, held) -> {
          Set<String> leases = held == null ? ConcurrentHashMap.newKeySet() : held;
          leases.add(reservation.id().value());
          return leases;
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

  private void renewAll() {
    heldByKey.forEach(
        (key, held) -> {
          String[] args =
              Stream.concat(
                      Stream.of(Long.toString(redis.settings().streamLease().toMillis())),
                      held.stream())
                  .toArray(String[]::new);
          try {
            RENEW.run(
                redis.commands().scripting(), new String[] {QuotaKeys.of(key).streams()}, args);
          } catch (RedisException | QuotaCounterUnavailable down) {
            LOG.debug("renewing the stream leases of key {} failed: {}", key, down.getMessage());
          }
        });
  }
}
