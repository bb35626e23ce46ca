package io.bedrockgateway.bootstrap.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.bedrock.BedrockSettings;
import io.bedrockgateway.adapter.bedrock.Resilience;
import io.bedrockgateway.adapter.http.AdminToken;
import io.bedrockgateway.adapter.http.HttpSettings;
import io.bedrockgateway.adapter.metrics.MetricsSettings;
import io.bedrockgateway.adapter.mongo.MongoSettings;
import io.bedrockgateway.adapter.redis.RedisSettings;
import io.bedrockgateway.application.service.QuotaFailureMode;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.PlanCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/** Builds the typed configuration from environment variables (ARCHITECTURE §10). */
public final class ConfigLoader {
  /** Claude Sonnet 4.5 through the US cross-region profile: current, and on-demand capable. */
  public static final String DEFAULT_CHAT_MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

  /** Titan Text Embeddings v2: current, cheapest per token, and its vector length is a choice. */
  public static final String DEFAULT_EMBEDDING_MODEL = "amazon.titan-embed-text-v2:0";

  public static final String DEFAULT_IMAGE_EMBEDDING_MODEL = "amazon.titan-embed-image-v1";

  /**
   * Stable Image Core: Titan Image Generator v2 and Nova Canvas are past end of life; Core is the
   * current model at the lowest price per image (served from us-west-2, as the catalogue says).
   */
  public static final String DEFAULT_IMAGE_MODEL = "stability.stable-image-core-v1:1";

  public static final String DEFAULT_REGION = "us-east-1";
  public static final int DEFAULT_PORT = 8000;
  public static final long DEFAULT_RATE_LIMIT_REQUESTS = 100;
  public static final Duration DEFAULT_RATE_LIMIT_WINDOW = Duration.ofSeconds(60);
  public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;
  public static final Duration DEFAULT_HTTP_IDLE_TIMEOUT = Duration.ofMinutes(10);
  public static final long DEFAULT_RESERVED_OUTPUT_TOKENS = 4_096;
  public static final String DEFAULT_PLAN = "default";
  public static final String DEFAULT_USAGE_SPOOL_DIR = "usage-spool";
  public static final long DEFAULT_USAGE_RETENTION_DAYS = 90;
  public static final Duration DEFAULT_KEY_CACHE_TTL = Duration.ofSeconds(5);
  public static final long DEFAULT_USAGE_QUEUE_CAPACITY = 10_000;

  private ConfigLoader() {}

  public static GatewayConfig load(Environment environment) {
    Settings settings = new Settings(environment);
    requireLoggingSettings(settings);
    Optional<JsonNode> file = ConfigFile.read(environment);
    return new GatewayConfig(
        http(settings),
        bedrock(settings),
        apiKeys(settings),
        plans(settings, file),
        limits(settings),
        defaults(settings),
        ModelCatalogConfig.load(file, settings.text(ConfigFile.VARIABLE, "")),
        settings
            .path("MODEL_PRICES_FILE")
            .map(prices -> PriceCatalog.withOverrides("MODEL_PRICES_FILE", prices))
            .orElseGet(PriceCatalog::shipped),
        (int)
            settings.wholeNumber(
                "RESERVED_OUTPUT_TOKENS", DEFAULT_RESERVED_OUTPUT_TOKENS, 1, 1_000_000),
        mongo(settings),
        new MetricsSettings(settings.flag("METRICS_KEY_LABELS", true)));
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
    Resilience resilience = resilience(settings);
    BedrockSettings bedrock =
        build(
            "AWS_REGION",
            () ->
                new BedrockSettings(Optional.empty(), region, connect, idle, request, concurrency)
                    .withResilience(resilience));
    return settings
        .httpUri("BEDROCK_ENDPOINT_URL")
        .or(() -> settings.httpUri("AWS_ENDPOINT_URL_BEDROCK_RUNTIME"))
        .map(bedrock::withEndpointOverride)
        .orElse(bedrock);
  }

  private static Resilience resilience(Settings settings) {
    Resilience defaults = Resilience.DEFAULTS;
    int attempts =
        (int) settings.wholeNumber("BEDROCK_MAX_ATTEMPTS", defaults.maxAttempts(), 1, 10);
    Duration baseDelay =
        settings.millis("BEDROCK_RETRY_BASE_DELAY_MS", defaults.baseDelay(), 1, 60_000);
    Duration maxDelay =
        settings.millis("BEDROCK_RETRY_MAX_DELAY_MS", defaults.maxDelay(), 1, 300_000);
    Duration deadline =
        settings.millis("BEDROCK_RETRY_DEADLINE_MS", defaults.deadline(), 1, 3_600_000);
    int failureRate =
        (int)
            settings.wholeNumber(
                "BEDROCK_BREAKER_FAILURE_RATE", defaults.breakerFailureRate(), 1, 100);
    int minimumCalls =
        (int)
            settings.wholeNumber(
                "BEDROCK_BREAKER_MINIMUM_CALLS", defaults.breakerMinimumCalls(), 1, 1_000_000);
    Duration openFor =
        settings.seconds("BEDROCK_BREAKER_OPEN_SECONDS", defaults.breakerOpenDuration(), 1, 3_600);
    return build(
        "BEDROCK_RETRY_BASE_DELAY_MS / BEDROCK_RETRY_MAX_DELAY_MS",
        () ->
            new Resilience(
                attempts, baseDelay, maxDelay, deadline, failureRate, minimumCalls, openFor));
  }

  private static List<ApiKeySecret> apiKeys(Settings settings) {
    return settings.list("API_KEYS").stream()
        .map(key -> build("API_KEYS", () -> new ApiKeySecret(key)))
        .toList();
  }

  private static PlanCatalog plans(Settings settings, Optional<JsonNode> file) {
    Plan defaultPlan = defaultPlan(settings);
    Map<String, Plan> plans =
        new HashMap<>(PlansFile.read(file, settings.text(ConfigFile.VARIABLE, ""), DEFAULT_PLAN));
    plans.put(DEFAULT_PLAN, defaultPlan);
    return new PlanCatalog(defaultPlan, plans);
  }

  /** The plan of keys that name none; each limit's variable at 0 (or unset) switches it off. */
  private static Plan defaultPlan(Settings settings) {
    long requests =
        settings.wholeNumber("RATE_LIMIT_REQUESTS", DEFAULT_RATE_LIMIT_REQUESTS, 0, 1_000_000_000);
    Duration window =
        settings.seconds("RATE_LIMIT_WINDOW", DEFAULT_RATE_LIMIT_WINDOW, 1, 31L * 86_400);
    long tokensPerMinute =
        settings.wholeNumber("RATE_LIMIT_TOKENS_PER_MINUTE", 0, 0, 1_000_000_000_000L);
    long tokensPerDay = settings.wholeNumber("RATE_LIMIT_TOKENS_PER_DAY", 0, 0, 1_000_000_000_000L);
    int streams = (int) settings.wholeNumber("MAX_CONCURRENT_STREAMS", 0, 0, 1_000_000);
    PlanSpec spec =
        new PlanSpec(
            requests == 0 ? OptionalLong.empty() : OptionalLong.of(requests),
            window,
            tokensPerMinute == 0 ? OptionalLong.empty() : OptionalLong.of(tokensPerMinute),
            tokensPerDay == 0 ? OptionalLong.empty() : OptionalLong.of(tokensPerDay),
            settings.decimal("BUDGET_USD_PER_MONTH").filter(budget -> budget.signum() != 0),
            streams == 0 ? OptionalInt.empty() : OptionalInt.of(streams));
    return build("BUDGET_USD_PER_MONTH", () -> spec.toPlan(DEFAULT_PLAN));
  }

  private static LimitsConfig limits(Settings settings) {
    QuotaFailureMode mode =
        settings.choice(
            "RATE_LIMIT_FAILURE_MODE",
            QuotaFailureMode.LOCAL,
            value -> QuotaFailureMode.valueOf(value.toUpperCase(Locale.ROOT)),
            "local, open or closed");
    boolean cluster = settings.flag("REDIS_CLUSTER", false);
    Duration timeout =
        settings.millis("REDIS_TIMEOUT_MS", RedisSettings.DEFAULT_COMMAND_TIMEOUT, 1, 60_000);
    Optional<RedisSettings> redis =
        settings
            .environment()
            .get("REDIS_URL")
            .map(urls -> build("REDIS_URL", () -> RedisSettings.of(urls, cluster, timeout)));
    return new LimitsConfig(redis, mode);
  }

  private static ModelDefaults defaults(Settings settings) {
    return new ModelDefaults(
        model(settings, "DEFAULT_CHAT_MODEL", DEFAULT_CHAT_MODEL),
        model(settings, "DEFAULT_EMBEDDING_MODEL", DEFAULT_EMBEDDING_MODEL),
        model(settings, "DEFAULT_IMAGE_EMBEDDING_MODEL", DEFAULT_IMAGE_EMBEDDING_MODEL),
        model(settings, "DEFAULT_IMAGE_MODEL", DEFAULT_IMAGE_MODEL));
  }

  private static ModelId model(Settings settings, String variable, String fallback) {
    String model = settings.text(variable, fallback);
    return build(variable, () -> new ModelId(model));
  }

  /** Logback reads these itself; checking them here turns a typo into a clear start failure. */
  private static void requireLoggingSettings(Settings settings) {
    settings.choice("LOG_FORMAT", "json", ConfigLoader::logFormat, "json, text");
    settings.choice(
        "LOG_LEVEL", "INFO", ConfigLoader::logLevel, "TRACE, DEBUG, INFO, WARN, ERROR, OFF");
  }

  private static String logFormat(String value) {
    if (!Set.of("json", "text").contains(value)) {
      throw new IllegalArgumentException(value);
    }
    return value;
  }

  private static String logLevel(String value) {
    if (!Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF").contains(value)) {
      throw new IllegalArgumentException(value);
    }
    return value;
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
