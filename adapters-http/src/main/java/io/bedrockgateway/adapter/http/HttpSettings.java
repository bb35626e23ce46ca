package io.bedrockgateway.adapter.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP server listens and what it accepts.
 *
 * @param port the TCP port; 0 picks a free one
 * @param maxRequestBytes the largest request body accepted; larger ones get 413
 * @param corsOrigins origins browsers may call from, or the single entry {@code *}; empty turns
 *     CORS off
 * @param trustedProxies IPs or CIDR ranges of proxies whose {@code X-Forwarded-For} is believed
 * @param idleTimeout how long a connection may stay silent; must outlast the model's longest pause
 *     in a stream
 * @param adminToken the operator's token for the admin API; absent turns the admin API off
 */
public record HttpSettings(
    int port,
    long maxRequestBytes,
    List<String> corsOrigins,
    List<String> trustedProxies,
    Duration idleTimeout,
    Optional<AdminToken> adminToken) {

  public static final String ANY_ORIGIN = "*";

  public HttpSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (maxRequestBytes < 1) {
      throw new IllegalArgumentException(
          "maxRequestBytes must be positive, was " + maxRequestBytes);
    }
    corsOrigins = List.copyOf(Objects.requireNonNull(corsOrigins, "corsOrigins"));
    if (corsOrigins.stream()
        .anyMatch(origin -> origin.isBlank() || origin.chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException("corsOrigins must not hold blank entries or white space");
    }
    if (corsOrigins.contains(ANY_ORIGIN) && corsOrigins.size() > 1) {
      throw new IllegalArgumentException("corsOrigins: * cannot be combined with other origins");
    }
    trustedProxies = List.copyOf(Objects.requireNonNull(trustedProxies, "trustedProxies"));
    trustedProxies.forEach(IpRange::parse);
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
    }
    Objects.requireNonNull(adminToken, "adminToken");
  }

  public boolean corsEnabled() {
    return !corsOrigins.isEmpty();
  }
}
