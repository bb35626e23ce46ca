package io.bedrockgateway.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.adapter.http.console.ConsoleHandler;
import io.bedrockgateway.domain.error.GatewayException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The gateway's two HTTP listeners. The public one serves applications: chat, embeddings, images,
 * the model list, a key's own usage and health, each behind the key. The admin one serves the
 * operator: the admin API, everyone's usage, health detail and metrics, behind the admin token, and
 * the operator console that reads them.
 */
public final class GatewayHttpServer {
  /**
   * Deployed clients use both, e.g. {@code /api/v1/converse} and {@code /api/v1/bedrock/converse}.
   */
  private static final List<String> API_PREFIXES = List.of("/api/v1", "/api/v1/bedrock");

  private static final String ADMIN = "/admin/v1";
  private static final String ADMIN_KEYS = ADMIN + "/keys";

  private final Javalin publicApi;
  private final Javalin adminApi;
  private final HttpSettings settings;

  public GatewayHttpServer(HttpSettings settings, UseCases useCases, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(useCases, "useCases");
    Objects.requireNonNull(clock, "clock");
    ObjectMapper json = GatewayJson.newMapper();
    JsonBodyReader bodies = new JsonBodyReader(json, settings.limits(), settings.timeouts());
    RequestFacts facts = new RequestFacts(new ClientAddressResolver(settings.trustedProxies()));
    RequestEnd requestEnd = new RequestEnd(useCases.metrics(), clock);
    HealthHandlers health = new HealthHandlers(useCases.health());
    MetricsHandler metrics = new MetricsHandler(useCases.metrics());
    this.publicApi =
        listener(
            settings,
            settings.publicListener(),
            json,
            clock,
            requestEnd,
            config -> {
              if (settings.corsEnabled()) {
                config.bundledPlugins.enableCors(
                    cors -> cors.addRule(rule -> CorsRules.apply(rule, settings)));
              }
              publicRoutes(config, settings, useCases, json, bodies, facts, health, metrics, clock);
            });
    this.adminApi =
        listener(
            settings,
            settings.adminListener(),
            json,
            clock,
            requestEnd,
            config -> adminRoutes(config, settings, useCases, bodies, health, metrics, clock));
  }

  private static void publicRoutes(
      JavalinConfig config,
      HttpSettings settings,
      UseCases useCases,
      ObjectMapper json,
      JsonBodyReader bodies,
      RequestFacts facts,
      HealthHandlers health,
      MetricsHandler metrics,
      Clock clock) {
    KeyGate key = new KeyGate(useCases.authenticate());
    RejectionRecorder rejections = new RejectionRecorder(useCases.rejections(), facts);
    ConverseHandlers converse =
        new ConverseHandlers(
            useCases.converse(),
            rejections,
            new ConverseCommandReader(bodies, new ChatRequestMapper(), facts),
            json,
            settings.timeouts(),
            clock);
    EmbeddingHandlers embeddings =
        new EmbeddingHandlers(useCases.embed(), bodies, facts, rejections, clock);
    ImageHandler images = new ImageHandler(useCases.images(), bodies, facts, rejections, clock);
    ModelsHandler models = new ModelsHandler(useCases.models());
    UsageHandlers usage = UsageHandlers.ownUsage(useCases.usage(), clock);
    config.routes.get("/health", health::summary);
    config.routes.get("/health/live", health::live);
    config.routes.get("/health/ready", health::ready);
    config.routes.get("/metrics", metrics);
    for (String prefix : API_PREFIXES) {
      config.routes.post(prefix + "/converse", key.guard(converse::converse));
      config.routes.post(prefix + "/converse-stream", key.guard(converse::converseStream));
      config.routes.post(prefix + "/embeddings/text", key.guard(embeddings::text));
      config.routes.post(prefix + "/embeddings/text/batch", key.guard(embeddings::batch));
      config.routes.post(prefix + "/embeddings/image", key.guard(embeddings::image));
      config.routes.post(prefix + "/images/generate", key.guard(images));
      config.routes.get(prefix + "/models", key.guard(models));
      config.routes.get(prefix + "/health", key.guard(health::summary));
      config.routes.get(prefix + "/usage", key.guard(usage::usage));
      config.routes.get(prefix + "/stats", key.guard(usage::stats));
    }
  }

  private static void adminRoutes(
      JavalinConfig config,
      HttpSettings settings,
      UseCases useCases,
      JsonBodyReader bodies,
      HealthHandlers health,
      MetricsHandler metrics,
      Clock clock) {
    AdminGuard admin = new AdminGuard(settings.adminToken());
    AdminHandlers keys = new AdminHandlers(useCases.keys(), bodies, clock);
    UsageHandlers usage = UsageHandlers.everyonesUsage(useCases.usage(), clock);
    config.routes.get("/health", health::summary);
    config.routes.get("/health/live", health::live);
    config.routes.get("/health/ready", health::ready);
    config.routes.get("/metrics", metrics);
    config.routes.get(ADMIN + "/health", admin.guard(health::detail));
    config.routes.get(ADMIN + "/usage", admin.guard(usage::usage));
    config.routes.get(ADMIN + "/stats", admin.guard(usage::stats));
    config.routes.post(ADMIN_KEYS, admin.guard(keys::create));
    config.routes.get(ADMIN_KEYS, admin.guard(keys::list));
    config.routes.get(ADMIN_KEYS + "/{id}", admin.guard(keys::get));
    config.routes.patch(ADMIN_KEYS + "/{id}", admin.guard(keys::update));
    config.routes.post(ADMIN_KEYS + "/{id}/revoke", admin.guard(keys::revoke));
    config.routes.post(ADMIN_KEYS + "/{id}/rotate", admin.guard(keys::rotate));
    // the console's files hold no data: it signs in with the admin token and calls the routes above
    ConsoleHandler console = ConsoleHandler.fromClasspath();
    config.routes.get(ConsoleHandler.PATH, console::page);
    config.routes.get(ConsoleHandler.PATH + "/<asset>", console::asset);
  }

  /** One listener with what every route shares: request ids, the access log, the error answers. */
  private static Javalin listener(
      HttpSettings settings,
      HttpSettings.Listener listener,
      ObjectMapper json,
      Clock clock,
      RequestEnd requestEnd,
      Consumer<JavalinConfig> routes) {
    ErrorResponder errors = new ErrorResponder();
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.startup.startupWatcherEnabled = false;
          config.jsonMapper(new JavalinJackson(json, true));
          // JsonBodyReader enforces the limit with our 413; this keeps Javalin's ctx.body() in line
          config.http.maxRequestSize = settings.maxRequestBytes();
          config.http.prefer405over404 = true;
          JettySetup.apply(config, listener, settings);
          config.routes.before(ctx -> RequestStamp.stamp(ctx, clock));
          config.routes.before(RequestEnd::begin);
          config.routes.after(requestEnd::end);
          // a model route allowed its connection a long silence; keep-alive gets the short one
          config.routes.after(
              ctx -> ConnectionTimeouts.silenceAllowed(ctx, settings.timeouts().idle()));
          routes.accept(config);
          config.routes.exception(GatewayException.class, errors::gatewayFailure);
          config.routes.exception(HttpRefusal.class, errors::refusal);
          config.routes.exception(HttpResponseException.class, errors::javalinResponse);
          config.routes.exception(Exception.class, errors::unexpected);
        });
  }

  /** Starts both listeners; returns once their ports are bound. */
  public void start() {
    publicApi.start();
    try {
      adminApi.start();
    } catch (RuntimeException failed) {
      publicApi.stop();
      throw failed;
    }
  }

  /** The public listener's bound port: the configured one, or the one picked for port 0. */
  public int port() {
    return publicApi.port();
  }

  /** The admin listener's bound port. */
  public int adminPort() {
    return adminApi.port();
  }

  public HttpSettings settings() {
    return settings;
  }

  /**
   * Stops accepting connections and lets running requests, streams included, finish for up to 30
   * seconds.
   */
  public void stop() {
    adminApi.stop();
    publicApi.stop();
  }
}
