package io.bedrockgateway.bootstrap;

import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.bootstrap.config.LimitsConfig;
import java.util.Locale;
import org.slf4j.Logger;

/** Says once, at start, where keys, limits and usage are kept. */
final class StorageNotice {
  private StorageNotice() {}

  static void announce(GatewayConfig config, Logger log) {
    LimitsConfig limits = config.limits();
    limits
        .redis()
        .ifPresentOrElse(
            redis ->
                log.info(
                    "Limits are counted in Redis at {}, shared by every instance;"
                        + " while it is unreachable RATE_LIMIT_FAILURE_MODE={} applies",
                    redis.describe(),
                    limits.failureMode().name().toLowerCase(Locale.ROOT)),
            () -> log.info("Limits are counted in memory, per instance (no REDIS_URL)"));
    config
        .mongo()
        .ifPresentOrElse(
            mongo ->
                log.info(
                    "Keys and usage are kept in MongoDB database {} (usage spool: {})",
                    mongo.database(),
                    mongo.spoolDirectory().toAbsolutePath()),
            () -> log.info("Keys and usage are kept in memory, per instance (no MONGODB_URI)"));
  }
}
