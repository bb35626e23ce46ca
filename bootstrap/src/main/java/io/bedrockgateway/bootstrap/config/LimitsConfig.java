package io.bedrockgateway.bootstrap.config;

import io.bedrockgateway.adapter.redis.RedisSettings;
import io.bedrockgateway.application.service.QuotaFailureMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Where limits are counted: in Redis, shared by every instance, or (without {@code REDIS_URL}) in
 * each instance's memory; and what admission does while Redis cannot be reached.
 */
public record LimitsConfig(Optional<RedisSettings> redis, QuotaFailureMode failureMode) {
  public LimitsConfig {
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(failureMode, "failureMode");
  }
}
