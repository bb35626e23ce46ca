package io.bedrockgateway.bootstrap.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.bedrock.BedrockSettings;
import io.bedrockgateway.adapter.bedrock.Resilience;
import io.bedrockgateway.adapter.http.HttpSettings;
import io.bedrockgateway.adapter.http.admin.AdminToken;
import io.bedrockgateway.adapter.http.anthropic.AnthropicSettings;
import io.bedrockgateway.adapter.http.common.HttpLimits;
import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import io.bedrockgateway.adapter.media.MediaSettings;
import io.bedrockgateway.adapter.metrics.MetricsSettings;
import io.bedrockgateway.adapter.mongo.MongoSettings;
import io.bedrockgateway.adapter.redis.RedisSettings;
import io.bedrockgateway.application.service.QuotaFailureMode;
import io.bedrockgateway.application.service.UnpricedModels;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.media.MediaHosts;
import io.bedrockgateway.domain.media.RemoteMediaPolicy;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.PlanCatalog;
import java.nio.file.Path;
import java.security.SecureRandom;
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
  public static final int DEFAULT_ADMIN_PORT = 8001;
  public static final int MIN_CONFIGURED_KEY_LENGTH = 16;
  public static final int DEFAULT_MAX_CONCURRENT_STREAMS = 32;
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
    List<ApiKeySecret> apiKeys = apiKeys(settings);
    LimitsConfig limits = limits(settings);
    Optional<MongoSettings> mongo = mongo(settings);
    return new GatewayConfig(
        http(settings),
        bedrock(settings),
        apiKeys,
        keyIds(settings, !apiKeys.isEmpty() && (limits.redis().isPresent() || mongo.isPresent())),
        plans(settings, file),
        limits,
        defaults(settings),
        ModelCatalogConfig.load(file, settings.text(ConfigFile.VARIABLE, "")),
        PriceCatalog.withOverrides(
            settings.path(PriceCatalog.MODEL_PRICES_FILE),
            settings.path(PriceCatalog.IMAGE_PRICES_FILE)),
        (int)
            settings.wholeNumber(
                "RESERVED_OUTPUT_TOKENS", DEFAULT_RESERVED_OUTPUT_TOKENS, 1, 1_000_000),
        mongo,
        new MetricsSettings(settings.flag("METRICS_KEY_LABELS", true)),
        settings.choice(
            "UNPRICED_MODELS",
            UnpricedModels.DENY,
            value -> UnpricedModels.valueOf(value.toUpperCase(Locale.ROOT)),
            "deny or allow"),
        anthropic(settings),
        remoteMedia(settings));
  }

  /**
   * Images named by URL: none unless {@code REMOTE_MEDIA_HOSTS} lists hosts; then over HTTPS only
   * unless {@code REMOTE_MEDIA_ALLOW_HTTP}, each at most {@code REMOTE_MEDIA_MAX_BYTES}, all of a
   * request within {@code REMOTE_MEDIA_TIMEOUT_MS}.
   */
  private static RemoteMedia remoteMedia(Settings settings) {
    List<String> hosts = settings.list("REMOTE_MEDIA_HOSTS");
    MediaHosts allowed = build("REMOTE_MEDIA_HOSTS", () -> MediaHosts.of(hosts));
    boolean plainHttp = settings.flag("REMOTE_MEDIA_ALLOW_HTTP", false);
    int maxImages =
        (int)
            settings.wholeNumber(
                "REMOTE_MEDIA_MAX_IMAGES",
                RemoteMediaPolicy.DEFAULT_MAX_IMAGES,
                1,
                RemoteMediaPolicy.MAX_IMAGES_LIMIT);
    long maxBytes =
        settings.wholeNumber(
            "REMOTE_MEDIA_MAX_BYTES", MediaSettings.DEFAULT_MAX_BYTES, 1_024, 64L << 20);
    Duration timeout =
        settings.millis("REMOTE_MEDIA_TIMEOUT_MS", MediaSettings.DEFAULT_TIMEOUT, 100, 120_000);
    return new RemoteMedia(
        new RemoteMediaPolicy(allowed, plainHttp, maxImages), new MediaSettings(timeout, maxBytes));
  }

  /** What the Anthropic Messages surface passes on to Bedrock; each list keeps its default. */
  private static AnthropicSettings anthropic(Settings settings) {
    List<String> fields = settings.list(AnthropicSettings.BODY_FIELDS_VARIABLE);
    List<String> betas = settings.list(AnthropicSettings.BETAS_VARIABLE);
    build(AnthropicSettings.BODY_FIELDS_VARIABLE, () -> AnthropicSettings.of(fields, List.of()));
    return build(AnthropicSettings.BETAS_VARIABLE, () -> AnthropicSettings.of(fields, betas));
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
    MongoSettings.Timeouts timeouts = mongoTimeouts(settings);
    return settings
        .secret("MONGODB_URI")
        .map(
            uri -> {
              Path spool =
                  settings.writableDirectory("USAGE_SPOOL_DIR", Path.of(DEFAULT_USAGE_SPOOL_DIR));
              return build(
                  "MONGODB_URI",
                  () ->
                      new MongoSettings(
                          uri, spool, retention, keyCacheTtl, queueCapacity, timeouts));
            });
  }

  /** Every MongoDB call is bounded, so that a MongoDB that hangs holds nothing for long. */
  private static MongoSettings.Timeouts mongoTimeouts(Settings settings) {
    MongoSettings.Timeouts defaults = MongoSettings.Timeouts.DEFAULTS;
    long max = MongoSettings.Timeouts.MAX.toMillis();
    return new MongoSettings.Timeouts(
        settings.millis("MONGODB_TIMEOUT_MS", defaults.operation(), 1, max),
        settings.millis("MONGODB_CONNECT_TIMEOUT_MS", defaults.connect(), 1, max),
        settings.millis("MONGODB_SERVER_SELECTION_TIMEOUT_MS", defaults.serverSelection(), 1, max));
  }

  private static HttpSettings http(Settings settings) {
    HttpSettings.Listener publicListener =
        listener(
            settings, "BIND_ADDRESS", HttpSettings.Listener.ALL_INTERFACES, "PORT", DEFAULT_PORT);
    HttpSettings.Listener adminListener =
        listener(
            settings,
            "ADMIN_BIND_ADDRESS",
            HttpSettings.Listener.LOOPBACK,
            "ADMIN_PORT",
            DEFAULT_ADMIN_PORT);
    if (publicListener.port() != 0 && publicListener.port() == adminListener.port()) {
      throw new ConfigException(
          "ADMIN_PORT", "must differ from PORT (" + publicListener.port() + ")");
    }
    return build(
        "CORS_ORIGINS / TRUSTED_PROXIES",
        () ->
            new HttpSettings(
                publicListener,
                adminListener,
                httpLimits(settings),
                settings.list("CORS_ORIGINS"),
                settings.list("TRUSTED_PROXIES"),
                httpTimeouts(settings),
                adminToken(settings)));
  }

  private static HttpSettings.Listener listener(
      Settings settings, String hostVariable, String defaultHost, String portVariable, int port) {
    String host = settings.text(hostVariable, defaultHost);
    int bound = (int) settings.wholeNumber(portVariable, port, 0, 65_535);
    return build(hostVariable, () -> new HttpSettings.Listener(host, bound));
  }

  private static HttpLimits httpLimits(Settings settings) {
    long maxRequestBytes =
        settings.wholeNumber(
            "MAX_REQUEST_BYTES", HttpLimits.DEFAULT_MAX_REQUEST_BYTES, 1_024, 1L << 30);
    long inFlight =
        settings.wholeNumber(
            "MAX_BODY_BYTES_IN_FLIGHT",
            Math.max(HttpLimits.DEFAULT_MAX_BODY_BYTES_IN_FLIGHT, maxRequestBytes),
            maxRequestBytes,
            1L << 40);
    int connections =
        (int)
            settings.wholeNumber(
                "MAX_CONNECTIONS", HttpLimits.DEFAULT_MAX_CONNECTIONS, 1, 1_000_000);
    return new HttpLimits(maxRequestBytes, inFlight, connections);
  }

  private static HttpTimeouts httpTimeouts(Settings settings) {
    HttpTimeouts defaults = HttpTimeouts.DEFAULTS;
    return new HttpTimeouts(
        settings.seconds("HTTP_HEADER_TIMEOUT", defaults.header(), 1, 3_600),
        settings.seconds("HTTP_BODY_TIMEOUT", defaults.body(), 1, 3_600),
        settings.seconds("HTTP_IDLE_TIMEOUT", defaults.idle(), 1, 86_400),
        settings.seconds("MAX_STREAM_SECONDS", defaults.stream(), 1, 86_400));
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
    List<String> keys = settings.list("API_KEYS");
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).length() < MIN_CONFIGURED_KEY_LENGTH) {
        throw new ConfigException(
            "API_KEYS",
            "entry "
                + (i + 1)
                + " has "
                + keys.get(i).length()
                + " characters; each key must have at least "
                + MIN_CONFIGURED_KEY_LENGTH
                + " (generate one with: openssl rand -base64 32)");
      }
    }
    return keys.stream().map(key -> build("API_KEYS", () -> new ApiKeySecret(key))).toList();
  }

  /**
   * {@code KEY_ID_SECRET}, which the ids of {@code API_KEYS} keys are derived with. Where limits or
   * usage outlive the process (Redis, MongoDB) the ids must too, so the secret is required there;
   * in memory a random one serves the process.
   */
  private static KeyIdDerivation keyIds(Settings settings, boolean idsMustLast) {
    Optional<String> secret = settings.secret("KEY_ID_SECRET");
    if (secret.isPresent()) {
      return build("KEY_ID_SECRET", () -> new KeyIdDerivation(secret.get()));
    }
    if (idsMustLast) {
      throw new ConfigException(
          "KEY_ID_SECRET",
          "is required when API_KEYS is used with REDIS_URL or MONGODB_URI: the ids of configured"
              + " keys are derived with it, and limits and usage need the same ids on every"
              + " instance and after restarts (16+ characters, e.g. openssl rand -base64 32)");
    }
    return KeyIdDerivation.random(new SecureRandom());
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
    int streams =
        (int)
            settings.wholeNumber(
                "MAX_CONCURRENT_STREAMS", DEFAULT_MAX_CONCURRENT_STREAMS, 0, 1_000_000);
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
    Duration lapse =
        settings.seconds(
            "REDIS_RESERVATION_LAPSE_SECONDS", RedisSettings.DEFAULT_RESERVATION_LAPSE, 1, 86_400);
    RedisSettings.Breaker breaker = redisBreaker(settings);
    Optional<RedisSettings> redis =
        settings
            .environment()
            .get("REDIS_URL")
            .map(
                urls ->
                    build(
                        "REDIS_URL",
                        () ->
                            RedisSettings.of(urls, cluster, timeout)
                                .withReservationLapse(lapse)
                                .withBreaker(breaker)));
    return new LimitsConfig(redis, mode);
  }

  /** When the gateway stops asking Redis for a while, and for how long. */
  private static RedisSettings.Breaker redisBreaker(Settings settings) {
    RedisSettings.Breaker defaults = RedisSettings.Breaker.DEFAULTS;
    int failureRate =
        (int) settings.wholeNumber("REDIS_BREAKER_FAILURE_RATE", defaults.failureRate(), 1, 100);
    int minimumCalls =
        (int)
            settings.wholeNumber(
                "REDIS_BREAKER_MINIMUM_CALLS", defaults.minimumCalls(), 1, 1_000_000);
    Duration window = settings.seconds("REDIS_BREAKER_WINDOW_SECONDS", defaults.window(), 1, 3_600);
    Duration openFor = settings.seconds("REDIS_BREAKER_OPEN_SECONDS", defaults.openFor(), 1, 3_600);
    return new RedisSettings.Breaker(failureRate, minimumCalls, window, openFor);
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
    settings.choice("LOG_FORMAT", LogFormat.DEFAULT, LogFormat::parse, "auto, json, text");
    settings.choice(
        "LOG_LEVEL", "INFO", ConfigLoader::logLevel, "TRACE, DEBUG, INFO, WARN, ERROR, OFF");
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
