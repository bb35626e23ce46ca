package io.bedrockgateway.bootstrap.config;

import io.bedrockgateway.adapter.bedrock.BedrockSettings;
import io.bedrockgateway.adapter.http.AdminToken;
import io.bedrockgateway.adapter.http.HttpSettings;
import io.bedrockgateway.adapter.mongo.MongoSettings;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.RequestRate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds the typed configuration from environment variables (ARCHITECTURE §10). */
public final class ConfigLoader {
  /** Claude Sonnet 4.5 through the US cross-region profile: current, and on-demand capable. */
  public static final String DEFAULT_CHAT_MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

  public static final String DEFAULT_REGION = "us-east-1";
  public static final int DEFAULT_PORT = 8000;
  public static final long DEFAULT_RATE_LIMIT_REQUESTS = 100;
  public static final Duration DEFAULT_RATE_LIMIT_WINDOW = Duration.ofSeconds(60);
  public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;
  public static final Duration DEFAULT_HTTP_IDLE_TIMEOUT = Duration.ofMinutes(10);
  public static final long DEFAULT_RESERVED_OUTPUT_TOKENS = 4_096;
  public static final String DEFAULT_USAGE_SPOOL_DIR = "usage-spool";
  public static final long DEFAULT_USAGE_RETENTION_DAYS = 90;
  public static final Duration DEFAULT_KEY_CACHE_TTL = Duration.ofSeconds(5);
  public static final long DEFAULT_USAGE_QUEUE_CAPACITY = 10_000;

  private ConfigLoader() {}

  public static GatewayConfig load(Environment environment) {
    Settings settings = new Settings(environment);
    return new GatewayConfig(
        http(settings),
        bedrock(settings),
        apiKeys(settings),
        defaultPlan(settings),
        chatModel(settings),
        settings
            .path("MODEL_PRICES_FILE")
            .map(file -> PriceCatalog.withOverrides("MODEL_PRICES_FILE", file))
            .orElseGet(PriceCatalog::shipped),
        (int)
            settings.wholeNumber(
                "RESERVED_OUTPUT_TOKENS", DEFAULT_RESERVED_OUTPUT_TOKENS, 1, 1_000_000),
        mongo(settings));
  }

  /** MongoDB when {@code MONGODB_URI} is set; its database is the URI's path. */
  private static Optional<MongoSettings> mongo(Settings settings) {
    Duration retention =
        Duration.ofDays(
            settings.wholeNumber("USAGE_RETENTION_DAYS", DEFAULT_USAGE_RETENTION_DAYS, 1, 36_500));
    Duration keyCacheTtl = settings.seconds("KEY_CACHE_TTL", DEFAULT_KEY_CACHE_TTL, 0, 300);
    int queueCapacity =
        (int)
            settings.wholeNumber(
                "USAGE_QUEUE_CAPACITY", DEFAULT_USAGE_QUEUE_CAPACITY, 1, 10_000_000);
    return settings
        .secret("MONGODB_URI")
        .map(
            uri -> {
              Path spool =
                  settings.writableDirectory("USAGE_SPOOL_DIR", Path.of(DEFAULT_USAGE_SPOOL_DIR));
              return build(
                  "MONGODB_URI",
                  () -> new MongoSettings(uri, spool, retention, keyCacheTtl, queueCapacity));
            });
  }

  private static HttpSettings http(Settings settings) {
    int port = (int) settings.wholeNumber("PORT", DEFAULT_PORT, 0, 65_535);
    long maxRequestBytes =
        settings.wholeNumber("MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES, 1_024, 1L << 30);
    Duration idleTimeout =
        settings.seconds("HTTP_IDLE_TIMEOUT", DEFAULT_HTTP_IDLE_TIMEOUT, 1, 86_400);
    return build(
        "CORS_ORIGINS / TRUSTED_PROXIES",
        () ->
            new HttpSettings(
                port,
                maxRequestBytes,
                settings.list("CORS_ORIGINS"),
                settings.list("TRUSTED_PROXIES"),
                idleTimeout,
                adminToken(settings)));
  }

  private static Optional<AdminToken> adminToken(Settings settings) {
    return settings
        .secret("ADMIN_TOKEN")
        .map(token -> build("ADMIN_TOKEN", () -> AdminToken.of(token)));
  }

  private static BedrockSettings bedrock(Settings settings) {
    String region =
        settings.text("AWS_REGION", settings.text("AWS_DEFAULT_REGION", DEFAULT_REGION));
    Duration connect =
        settings.millis(
            "BEDROCK_CONNECT_TIMEOUT_MS", BedrockSettings.DEFAULT_CONNECT_TIMEOUT, 100, 120_000);
    Duration idle =
        settings.seconds(
            "BEDROCK_STREAM_IDLE_TIMEOUT", BedrockSettings.DEFAULT_STREAM_IDLE_TIMEOUT, 1, 3_600);
    Duration request =
        settings.seconds(
            "BEDROCK_REQUEST_TIMEOUT", BedrockSettings.DEFAULT_REQUEST_TIMEOUT, 1, 3_600);
    int concurrency =
        (int)
            settings.wholeNumber(
                "BEDROCK_MAX_CONNECTIONS", BedrockSettings.DEFAULT_MAX_CONCURRENCY, 1, 100_000);
    BedrockSettings bedrock =
        build(
            "AWS_REGION",
            () ->
                new BedrockSettings(Optional.empty(), region, connect, idle, request, concurrency));
    return settings
        .httpUri("BEDROCK_ENDPOINT_URL")
        .or(() -> settings.httpUri("AWS_ENDPOINT_URL_BEDROCK_RUNTIME"))
        .map(bedrock::withEndpointOverride)
        .orElse(bedrock);
  }

  private static List<ApiKeySecret> apiKeys(Settings settings) {
    return settings.list("API_KEYS").stream()
        .map(key -> build("API_KEYS", () -> new ApiKeySecret(key)))
        .toList();
  }

  private static Plan defaultPlan(Settings settings) {
    long requests =
        settings.wholeNumber("RATE_LIMIT_REQUESTS", DEFAULT_RATE_LIMIT_REQUESTS, 0, 1_000_000_000);
    Duration window =
        settings.seconds("RATE_LIMIT_WINDOW", DEFAULT_RATE_LIMIT_WINDOW, 1, 31L * 86_400);
    Plan plan = Plan.unlimited("default");
    return requests == 0 ? plan : plan.withRequests(new RequestRate(requests, window));
  }

  private static ModelId chatModel(Settings settings) {
    String model = settings.text("DEFAULT_CHAT_MODEL", DEFAULT_CHAT_MODEL);
    return build("DEFAULT_CHAT_MODEL", () -> new ModelId(model));
  }

  /** Runs a guard-claused constructor, reporting its complaint under the variable's name. */
  private static <T> T build(String variable, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException invalid) {
      throw new ConfigException(variable, "is invalid: " + invalid.getMessage());
    }
  }
}
