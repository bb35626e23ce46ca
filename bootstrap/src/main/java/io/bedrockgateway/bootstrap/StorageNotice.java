package io.bedrockgateway.bootstrap;

import io.bedrockgateway.bootstrap.config.GatewayConfig;
import org.slf4j.Logger;

/** Says once, at start, where keys, limits and usage are kept. */
final class StorageNotice {
  private StorageNotice() {}

  static void announce(GatewayConfig config, Logger log) {
    config
        .mongo()
        .ifPresentOrElse(
            mongo ->
                log.info(
                    "Keys and usage are kept in MongoDB database {} (usage spool: {});"
                        + " limits are kept in memory, per instance",
                    mongo.database(),
                    mongo.spoolDirectory().toAbsolutePath()),
            () ->
                log.info(
                    "Keys, limits and usage are kept in memory (embedded mode): set MONGODB_URI"
                        + " to keep keys and usage"));
  }
}
