package io.bedrockgateway.client;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The client's configuration, checked whole at construction; every message names the environment
 * variable the value comes from (see {@link EnvironmentSettings}), builder or not.
 *
 * @param useGateway {@code USE_BEDROCK_GATEWAY}
 * @param gatewayUrl {@code BEDROCK_API_GATEWAY_URL}, the API base calls are made under
 * @param gatewayKey {@code BEDROCK_API_GATEWAY_KEY}
 * @param trafficPercentage {@code GATEWAY_TRAFFIC_PERCENTAGE}
 * @param fallbackToDirect {@code GATEWAY_FALLBACK_TO_DIRECT}
 * @param connectTimeout {@code GATEWAY_CONNECT_TIMEOUT_MS}
 * @param firstByteTimeout {@code GATEWAY_TIMEOUT_MS}
 * @param breaker the {@code GATEWAY_BREAKER_*} variables
 * @param region {@code AWS_REGION}, for the direct path
 * @param directEndpoint {@code BEDROCK_ENDPOINT_URL}, another Bedrock Runtime endpoint, or null
 * @param models the {@code DEFAULT_*_MODEL} variables
 */
public record ClientSettings(
    boolean useGateway,
    URI gatewayUrl,
    String gatewayKey,
    int trafficPercentage,
    boolean fallbackToDirect,
    Duration connectTimeout,
    Duration firstByteTimeout,
    BreakerSettings breaker,
    String region,
    URI directEndpoint,
    DefaultModels models) {
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{8,512}");
  private static final String API_BASE = "/api/v1/bedrock";

  public ClientSettings {
    if (useGateway) {
      if (gatewayUrl == null) {
        throw new IllegalArgumentException(
            "BEDROCK_API_GATEWAY_URL is required when USE_BEDROCK_GATEWAY is true");
      }
      if (gatewayKey == null || gatewayKey.isEmpty()) {
        throw new IllegalArgumentException(
            "BEDROCK_API_GATEWAY_KEY is required when USE_BEDROCK_GATEWAY is true");
      }
    }
    if (gatewayUrl != null) {
      gatewayUrl = apiBase(gatewayUrl);
    }
    if (gatewayKey != null && !KEY.matcher(gatewayKey).matches()) {
      throw new IllegalArgumentException(
          "BEDROCK_API_GATEWAY_KEY must be 8..512 printable characters without spaces");
    }
    if (trafficPercentage < 0 || trafficPercentage > 100) {
      throw new IllegalArgumentException(
          "GATEWAY_TRAFFIC_PERCENTAGE must be 0..100, was " + trafficPercentage);
    }
    requireBetween("GATEWAY_CONNECT_TIMEOUT_MS", connectTimeout, 1, 600_000);
    requireBetween("GATEWAY_TIMEOUT_MS", firstByteTimeout, 1, 3_600_000);
    if (breaker == null) {
      throw new IllegalArgumentException("the GATEWAY_BREAKER_* settings are required");
    }
    if (region == null || !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException(
          "AWS_REGION must be a region name like us-east-1, was '" + region + "'");
    }
    if (directEndpoint != null) {
      requireHttpUrl("BEDROCK_ENDPOINT_URL", directEndpoint);
    }
    if (models == null) {
      throw new IllegalArgumentException("the DEFAULT_*_MODEL settings are required");
    }
  }

  /** The defaults of every setting, with the gateway off. */
  public static ClientSettings defaults() {
    return new ClientSettings(
        false,
        null,
        null,
        100,
        true,
        Duration.ofSeconds(2),
        Duration.ofSeconds(60),
        BreakerSettings.DEFAULTS,
        "us-east-1",
        null,
        DefaultModels.STANDARD);
  }

  /**
   * The gateway's API base: the URL as the integration plan has it (a bare address such as {@code
   * http://bedrock-gateway:8000}) gets {@code /api/v1/bedrock}; a URL with a path (behind a proxy,
   * e.g. {@code https://apps.example.com/api/bedrock-gateway}, or {@code http://gw:8000/api/v1}) is
   * taken as the API base itself.
   */
  static URI apiBase(URI url) {
    requireHttpUrl("BEDROCK_API_GATEWAY_URL", url);
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    String base = path.isEmpty() || path.equals("/") ? API_BASE : stripTrailingSlash(path);
    return URI.create(url.getScheme() + "://" + url.getRawAuthority() + base);
  }

  private static String stripTrailingSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static void requireHttpUrl(String variable, URI url) {
    String scheme = url.getScheme();
    if (scheme == null
        || !(scheme.equals("http") || scheme.equals("https"))
        || url.getHost() == null
        || url.getRawUserInfo() != null
        || url.getRawQuery() != null
        || url.getRawFragment() != null) {
      throw new IllegalArgumentException(
          variable + " must be an http(s) URL with a host, no user info, query or fragment");
    }
  }

  static void requireBetween(String variable, Duration value, long minMillis, long maxMillis) {
    if (value == null || value.toMillis() < minMillis || value.toMillis() > maxMillis) {
      throw new IllegalArgumentException(
          variable
              + " must be "
              + minMillis
              + ".."
              + maxMillis
              + " ms, was "
              + (value == null ? "unset" : value.toMillis()));
    }
  }

  @Override
  public String toString() {
    return "ClientSettings[useGateway="
        + useGateway
        + ", gatewayUrl="
        + gatewayUrl
        + ", gatewayKey="
        + (gatewayKey == null ? "unset" : "set")
        + ", trafficPercentage="
        + trafficPercentage
        + ", fallbackToDirect="
        + fallbackToDirect
        + ", region="
        + region
        + ", directEndpoint="
        + directEndpoint
        + "]";
  }
}
