package io.bedrockgateway.adapter.bedrock;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach Bedrock Runtime. Credentials are not part of it: the SDK's default chain finds them
 * (environment, profile, container or instance role, or {@code AWS_BEARER_TOKEN_BEDROCK}).
 *
 * @param endpointOverride another endpoint than the region's (an emulator, a VPC endpoint); plain
 *     {@code http://} endpoints are spoken to over HTTP/1.1
 * @param region the AWS region name, e.g. {@code us-east-1}
 * @param connectTimeout how long opening a connection may take
 * @param streamIdleTimeout how long a stream may go without an event, including the wait for the
 *     first one; the whole stream is not capped
 * @param requestTimeout how long a non-streamed call may take in total
 * @param maxConcurrency how many connections to Bedrock may be open at once
 * @param staticCredentials a fixed key pair instead of the SDK's default credential chain
 * @param resilience retries, backoff, deadline and circuit breakers
 */
public record BedrockSettings(
    Optional<URI> endpointOverride,
    String region,
    Duration connectTimeout,
    Duration streamIdleTimeout,
    Duration requestTimeout,
    int maxConcurrency,
    Optional<StaticCredentials> staticCredentials,
    Resilience resilience) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(5);
  public static final int DEFAULT_MAX_CONCURRENCY = 500;

  private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+");

  public BedrockSettings {
    Objects.requireNonNull(endpointOverride, "endpointOverride");
    endpointOverride.ifPresent(BedrockSettings::requireHttpEndpoint);
    Objects.requireNonNull(region, "region");
    if (!REGION_NAME.matcher(region).matches()) {
      throw new IllegalArgumentException(
          "region must be an AWS region name such as us-east-1, not '" + region + "'");
    }
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("streamIdleTimeout", streamIdleTimeout);
    requirePositive("requestTimeout", requestTimeout);
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1");
    }
    Objects.requireNonNull(staticCredentials, "staticCredentials");
    Objects.requireNonNull(resilience, "resilience");
  }

  /** Settings that take credentials from the SDK's default chain and retry as by default. */
  public BedrockSettings(
      Optional<URI> endpointOverride,
      String region,
      Duration connectTimeout,
      Duration streamIdleTimeout,
      Duration requestTimeout,
      int maxConcurrency) {
    this(
        endpointOverride,
        region,
        connectTimeout,
        streamIdleTimeout,
        requestTimeout,
        maxConcurrency,
        Optional.empty(),
        Resilience.DEFAULTS);
  }

  /** The recommended settings for the region's own Bedrock endpoint. */
  public static BedrockSettings forRegion(String region) {
    return new BedrockSettings(
        Optional.empty(),
        region,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_STREAM_IDLE_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_CONCURRENCY);
  }

  public BedrockSettings withEndpointOverride(URI endpoint) {
    return new BedrockSettings(
        Optional.of(endpoint),
        region,
        connectTimeout,
        streamIdleTimeout,
        requestTimeout,
        maxConcurrency,
        staticCredentials,
        resilience);
  }

  public BedrockSettings withStaticCredentials(String accessKeyId, String secretAccessKey) {
    return new BedrockSettings(
        endpointOverride,
        region,
        connectTimeout,
        streamIdleTimeout,
        requestTimeout,
        maxConcurrency,
        Optional.of(new StaticCredentials(accessKeyId, secretAccessKey)),
        resilience);
  }

  public BedrockSettings withResilience(Resilience newResilience) {
    return new BedrockSettings(
        endpointOverride,
        region,
        connectTimeout,
        streamIdleTimeout,
        requestTimeout,
        maxConcurrency,
        staticCredentials,
        newResilience);
  }

  /** True when the endpoint is plain HTTP, which the SDK's default HTTP/2 cannot speak. */
  boolean requiresHttp1() {
    return endpointOverride.map(uri -> "http".equalsIgnoreCase(uri.getScheme())).orElse(false);
  }

  private static void requireHttpEndpoint(URI endpoint) {
    String scheme = endpoint.getScheme();
    boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    if (!http || endpoint.getHost() == null) {
      throw new IllegalArgumentException(
          "endpointOverride must be an absolute http:// or https:// URI, not '" + endpoint + "'");
    }
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
