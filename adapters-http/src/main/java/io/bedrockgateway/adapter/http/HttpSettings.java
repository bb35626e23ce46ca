package io.bedrockgateway.adapter.http;

import io.bedrockgateway.adapter.http.admin.AdminToken;
import io.bedrockgateway.adapter.http.common.HttpLimits;
import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import io.bedrockgateway.adapter.http.common.IpRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP server listens and what it accepts.
 *
 * @param publicListener where applications call the model routes
 * @param adminListener where the operator reaches the admin API, everyone's usage, health detail
 *     and metrics; bound to the loopback interface unless configured otherwise
 * @param limits the sizes and counts a request or the instance may reach
 * @param corsOrigins origins browsers may call from, or the single entry {@code *}; empty turns
 *     CORS off
 * @param trustedProxies IPs or CIDR ranges of proxies whose {@code X-Forwarded-For} is believed
 * @param timeouts how long each phase of an exchange may take
 * @param adminToken the operator's token for the admin listener; absent turns the admin API off
 */
public record HttpSettings(
    Listener publicListener,
    Listener adminListener,
    HttpLimits limits,
    List<String> corsOrigins,
    List<String> trustedProxies,
    HttpTimeouts timeouts,
    Optional<AdminToken> adminToken) {

  public static final String ANY_ORIGIN = "*";

  /**
   * A listening socket.
   *
   * @param host the address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
   * @param port the TCP port; 0 picks a free one
   */
  public record Listener(String host, int port) {
    public static final String ALL_INTERFACES = "0.0.0.0";
    public static final String LOOPBACK = "127.0.0.1";

    public Listener {
      Objects.requireNonNull(host, "host");
      if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("host must be an address without white space");
      }
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
      }
    }
  }

  public HttpSettings {
    Objects.requireNonNull(publicListener, "publicListener");
    Objects.requireNonNull(adminListener, "adminListener");
    if (publicListener.port() != 0 && publicListener.port() == adminListener.port()) {
      throw new IllegalArgumentException(
          "the admin listener needs a port of its own, not " + publicListener.port());
    }
    Objects.requireNonNull(limits, "limits");
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
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(adminToken, "adminToken");
  }

  /** Settings for a server on free loopback ports with the default limits and timeouts. */
  public static HttpSettings onFreePorts(Optional<AdminToken> adminToken) {
    return new HttpSettings(
        new Listener(Listener.LOOPBACK, 0),
        new Listener(Listener.LOOPBACK, 0),
        HttpLimits.DEFAULTS,
        List.of(),
        List.of(),
        HttpTimeouts.DEFAULTS,
        adminToken);
  }

  public HttpSettings withLimits(HttpLimits newLimits) {
    return new HttpSettings(
        publicListener,
        adminListener,
        newLimits,
        corsOrigins,
        trustedProxies,
        timeouts,
        adminToken);
  }

  public HttpSettings withTimeouts(HttpTimeouts newTimeouts) {
    return new HttpSettings(
        publicListener,
        adminListener,
        limits,
        corsOrigins,
        trustedProxies,
        newTimeouts,
        adminToken);
  }

  public HttpSettings withProxies(List<String> newCorsOrigins, List<String> newTrustedProxies) {
    return new HttpSettings(
        publicListener,
        adminListener,
        limits,
        newCorsOrigins,
        newTrustedProxies,
        timeouts,
        adminToken);
  }

  public boolean corsEnabled() {
    return !corsOrigins.isEmpty();
  }

  /** The largest single request body; larger ones get 413. */
  public long maxRequestBytes() {
    return limits.maxRequestBytes();
  }
}
