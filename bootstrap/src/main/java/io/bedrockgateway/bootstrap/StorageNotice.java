package io.bedrockgateway.bootstrap;

import io.bedrockgateway.bootstrap.config.LimitsConfig;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;

/** Says once, at start, where keys, limits and usage are kept. */
final class StorageNotice {
  private StorageNotice() {}

  static void announce(Map<String, String> environment, LimitsConfig limits, Logger log) {
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
    if (environment.containsKey("MONGODB_URI")) {
      log.warn(
          "MONGODB_URI is set, but this build has no MongoDB adapter yet:"
              + " keys and usage are kept in memory, per instance");
    } else {
      log.info("Keys and usage are kept in memory (embedded mode)");
    }
  }
}
