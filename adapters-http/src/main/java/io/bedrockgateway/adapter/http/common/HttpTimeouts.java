package io.bedrockgateway.adapter.http.common;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each phase of an exchange may take, so a slow or greedy client cannot hold a connection
 * or a stream for ever.
 *
 * @param header from a new connection to the end of its first request's headers
 * @param body reading a whole request body
 * @param idle an open connection without traffic, between requests (keep-alive) or inside one
 * @param stream a whole streamed answer; past it the stream ends with an error event
 */
public record HttpTimeouts(Duration header, Duration body, Duration idle, Duration stream) {
  public static final HttpTimeouts DEFAULTS =
      new HttpTimeouts(
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(30),
          Duration.ofMinutes(15));

  public HttpTimeouts {
    positive(header, "header");
    positive(body, "body");
    positive(idle, "idle");
    positive(stream, "stream");
  }

  /** {@code value}, refused when zero or negative, naming the setting. */
  public static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }
}
