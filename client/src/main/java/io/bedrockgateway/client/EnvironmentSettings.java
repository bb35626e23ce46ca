package io.bedrockgateway.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@link ClientSettings} from environment variables, the integration plan's names first.
 * Unset (or empty) variables take their defaults; a bad value fails naming its variable.
 */
public final class EnvironmentSettings {
  /** Every variable the client reads. */
  public static final List<String> VARIABLES =
      List.of(
          "USE_BEDROCK_GATEWAY",
          "BEDROCK_API_GATEWAY_URL",
          "BEDROCK_API_GATEWAY_KEY",
          "GATEWAY_TRAFFIC_PERCENTAGE",
          "GATEWAY_FALLBACK_TO_DIRECT",
          "GATEWAY_CONNECT_TIMEOUT_MS",
          "GATEWAY_TIMEOUT_MS",
          "GATEWAY_BREAKER_FAILURE_RATE",
          "GATEWAY_BREAKER_MINIMUM_CALLS",
          "GATEWAY_BREAKER_OPEN_SECONDS",
          "AWS_REGION",
          "AWS_DEFAULT_REGION",
          "BEDROCK_ENDPOINT_URL",
          "DEFAULT_CHAT_MODEL",
          "DEFAULT_EMBEDDING_MODEL",
          "DEFAULT_IMAGE_EMBEDDING_MODEL",
          "DEFAULT_IMAGE_MODEL");

  private final Map<String, String> environment;

  private EnvironmentSettings(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The process's environment. */
  public static ClientSettings fromSystem() {
    return read(System.getenv());
  }

  public static ClientSettings read(Map<String, String> environment) {
    return new EnvironmentSettings(environment).settings();
  }

  private ClientSettings settings() {
    ClientSettings defaults = ClientSettings.defaults();
    DefaultModels models = defaults.models();
    BreakerSettings breaker = defaults.breaker();
    return new ClientSettings(
        bool("USE_BEDROCK_GATEWAY", defaults.useGateway()),
        value("BEDROCK_API_GATEWAY_URL", EnvironmentSettings::uri, null),
        value("BEDROCK_API_GATEWAY_KEY", Function.identity(), null),
        integer("GATEWAY_TRAFFIC_PERCENTAGE", defaults.trafficPercentage()),
        bool("GATEWAY_FALLBACK_TO_DIRECT", defaults.fallbackToDirect()),
        Duration.ofMillis(
            integer("GATEWAY_CONNECT_TIMEOUT_MS", (int) defaults.connectTimeout().toMillis())),
        Duration.ofMillis(
            integer("GATEWAY_TIMEOUT_MS", (int) defaults.firstByteTimeout().toMillis())),
        new BreakerSettings(
            integer("GATEWAY_BREAKER_FAILURE_RATE", breaker.failureRatePercent()),
            integer("GATEWAY_BREAKER_MINIMUM_CALLS", breaker.minimumCalls()),
            Duration.ofSeconds(
                integer("GATEWAY_BREAKER_OPEN_SECONDS", (int) breaker.openDuration().toSeconds()))),
        value(
            "AWS_REGION",
            Function.identity(),
            value("AWS_DEFAULT_REGION", Function.identity(), defaults.region())),
        value("BEDROCK_ENDPOINT_URL", EnvironmentSettings::uri, null),
        new DefaultModels(
            value("DEFAULT_CHAT_MODEL", Function.identity(), models.chat()),
            value("DEFAULT_EMBEDDING_MODEL", Function.identity(), models.textEmbedding()),
            value("DEFAULT_IMAGE_EMBEDDING_MODEL", Function.identity(), models.imageEmbedding()),
            value("DEFAULT_IMAGE_MODEL", Function.identity(), models.image())));
  }

  private <T> T value(String variable, Function<String, T> parse, T fallback) {
    String raw = environment.get(variable);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return parse.apply(raw.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
    }
  }

  private boolean bool(String variable, boolean fallback) {
    return value(
        variable,
        raw ->
            switch (raw.toLowerCase(Locale.ROOT)) {
              case "true", "1", "yes", "on" -> true;
              case "false", "0", "no", "off" -> false;
              default ->
                  throw new IllegalArgumentException("must be true or false, was '" + raw + "'");
            },
        fallback);
  }

  private int integer(String variable, int fallback) {
    return value(
        variable,
        raw -> {
          try {
            return Integer.parseInt(raw);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, was '" + raw + "'");
          }
        },
        fallback);
  }

  private static URI uri(String raw) {
    try {
      return new URI(raw);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + e.getReason());
    }
  }
}
