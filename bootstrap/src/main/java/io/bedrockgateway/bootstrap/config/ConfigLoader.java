package io.bedrockgateway.bootstrap.config;

import io.bedrockgateway.adapter.bedrock.BedrockSettings;
import io.bedrockgateway.adapter.http.HttpSettings;
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
  public static final String DEFAULT_PLAN = "default";

  private ConfigLoader() {}

  public static GatewayConfig load(Environment environment) {
    Settings settings = new Settings(environment);
    return new GatewayConfig(
        http(settings),
        bedrock(settings),
        apiKeys(settings),
        plans(settings),
        limits(settings),
        chatModel(settings),
        PriceCatalog.shipped(),
        (int)
            settings.wholeNumber(
                "RESERVED_OUTPUT_TOKENS", DEFAULT_RESERVED_OUTPUT_TOKENS, 1, 1_000_000));
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
                idleTimeout));
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

  private static PlanCatalog plans(Settings settings) {
    Plan defaultPlan = defaultPlan(settings);
    Map<String, Plan> plans = new HashMap<>();
    settings
        .environment()
        .get(PlansFile.VARIABLE)
        .ifPresent(file -> plans.putAll(PlansFile.read(Path.of(file), DEFAULT_PLAN)));
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
