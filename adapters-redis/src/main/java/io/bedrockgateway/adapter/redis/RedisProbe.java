package io.bedrockgateway.adapter.redis;

import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.application.port.out.QuotaCounterUnavailable;
import io.bedrockgateway.domain.health.DependencyHealth;
import io.lettuce.core.RedisException;
import java.util.Locale;

/** Pings Redis, within the command timeout, and says how long it took. */
public final class RedisProbe implements DependencyProbe {
  private final RedisConnection redis;
  private final boolean requiredToServe;

  /**
   * @param requiredToServe whether the gateway refuses requests while Redis is down, which makes it
   *     unhealthy rather than degraded
   */
  public RedisProbe(RedisConnection redis, boolean requiredToServe) {
    this.redis = redis;
    this.requiredToServe = requiredToServe;
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public DependencyHealth check() {
    long start = System.nanoTime();
    try {
      Answer.of(redis.commands().base().ping());
      double millis = (System.nanoTime() - start) / 1e6;
      return DependencyHealth.up(String.format(Locale.ROOT, "PING %.2f ms", millis));
    } catch (RedisException | QuotaCounterUnavailable down) {
      return new DependencyHealth(
          false,
          requiredToServe,
          "unreachable at " + redis.settings().describe() + ": " + down.getMessage());
    }
  }
}
