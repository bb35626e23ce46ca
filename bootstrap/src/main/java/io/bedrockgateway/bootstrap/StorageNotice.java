package io.bedrockgateway.bootstrap;

import java.util.Map;
import org.slf4j.Logger;

/** Says once, at start, where keys, limits and usage are kept. */
final class StorageNotice {
  private StorageNotice() {}

  static void announce(Map<String, String> environment, Logger log) {
    boolean storesConfigured =
        environment.containsKey("REDIS_URL") || environment.containsKey("MONGODB_URI");
    if (storesConfigured) {
      log.warn(
          "REDIS_URL/MONGODB_URI are set, but this build has no Redis or MongoDB adapter yet:"
              + " keys, limits and usage are kept in memory, per instance");
    } else {
      log.info("Keys, limits and usage are kept in memory (embedded mode)");
    }
  }
}
