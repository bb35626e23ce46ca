package io.bedrockgateway.adapter.media;

import java.time.Duration;
import java.util.Objects;

/**
 * How images named by URL are fetched.
 *
 * @param timeout the longest the fetches of one request may take together, connecting included
 * @param maxBytes the largest image fetched; a larger one is refused without reading past it
 */
public record MediaSettings(Duration timeout, long maxBytes) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** Bedrock's Converse takes images of up to 3.75 MB. */
  public static final long DEFAULT_MAX_BYTES = 3_750_000;

  public static final MediaSettings DEFAULTS =
      new MediaSettings(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES);

  public MediaSettings {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
  }
}
