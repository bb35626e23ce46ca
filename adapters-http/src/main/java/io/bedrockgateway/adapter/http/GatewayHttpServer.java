package io.bedrockgateway.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.domain.error.GatewayException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's HTTP API: chat, embeddings, images, the model list and usage under both prefixes,
 * health, metrics, and the admin API.
 */
public final class GatewayHttpServer {
  /**
   * Deployed clients use both, e.g. {@code /api/v1/converse} and {@code /api/v1/bedrock/converse}.
   */
  private static final List<String> API_PREFIXES = List.of("/api/v1", "/api/v1/bedrock");

  private static final String ADMIN_KEYS = "/admin/v1/keys";

  private final Javalin javalin;

  public GatewayHttpServer(HttpSettings settings, UseCases useCases, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(useCases, "useCases");
    Objects.requireNonNull(clock, "clock");
    ObjectMapper json = GatewayJson.newMapper();
    JsonBodyReader bodies = new JsonBodyReader(json, settings.maxRequestBytes());
    RequestFacts facts = new RequestFacts(new ClientAddressResolver(settings.trustedProxies()));
    RejectionRecorder rejections = new RejectionRecorder(useCases.rejections(), facts);
    ConverseHandlers converseHandlers =
        new ConverseHandlers(
            useCases.converse(),
            rejections,
            new ConverseCommandReader(bodies, new ChatRequestMapper(), facts),
            json,
            clock);
    EmbeddingHandlers embeddings =
        new EmbeddingHandlers(useCases.embed(), bodies, facts, rejections, clock);
    ImageHandler images = new ImageHandler(useCases.images(), bodies, facts, rejections, clock);
    ModelsHandler models = new ModelsHandler(useCases.models());
    AdminGuard admin = new AdminGuard(settings.adminToken());
    HealthHandlers health = new HealthHandlers(useCases.health(), admin);
    UsageHandlers usageHandlers = new UsageHandlers(useCases.usage(), admin, clock);
    AdminHandlers adminHandlers = new AdminHandlers(useCases.keys(), admin, bodies, clock);
    ErrorResponder errors = new ErrorResponder();
    MetricsHandler metrics = new MetricsHandler(useCases.metrics());
    RequestEnd requestEnd = new RequestEnd(useCases.metrics(), clock);
    this.javalin =
        Javalin.create(
            config -> {
              configure(config, settings, json);
              config.routes.before(ctx -> RequestStamp.stamp(ctx, clock));
              config.routes.before(RequestEnd::begin);
              config.routes.after(requestEnd::end);
              config.routes.get("/health", health::summary);
              config.routes.get("/health/live", health::live);
              config.routes.get("/health/ready", health::ready);
              config.routes.get("/metrics", metrics);
              for (String prefix : API_PREFIXES) {
                config.routes.post(prefix + "/converse", converseHandlers::converse);
                config.routes.post(prefix + "/converse-stream", converseHandlers::converseStream);
                config.routes.post(prefix + "/embeddings/text", embeddings::text);
                config.routes.post(prefix + "/embeddings/text/batch", embeddings::batch);
                config.routes.post(prefix + "/embeddings/image", embeddings::image);
                config.routes.post(prefix + "/images/generate", images);
                config.routes.get(prefix + "/models", models);
                config.routes.get(prefix + "/health", health::detail);
                config.routes.get(prefix + "/usage", usageHandlers::usage);
                config.routes.get(prefix + "/stats", usageHandlers::stats);
              }
              config.routes.post(ADMIN_KEYS, adminHandlers::create);
              config.routes.get(ADMIN_KEYS, adminHandlers::list);
              config.routes.get(ADMIN_KEYS + "/{id}", adminHandlers::get);
              config.routes.patch(ADMIN_KEYS + "/{id}", adminHandlers::update);
              config.routes.post(ADMIN_KEYS + "/{id}/revoke", adminHandlers::revoke);
              config.routes.post(ADMIN_KEYS + "/{id}/rotate", adminHandlers::rotate);
              config.routes.exception(GatewayException.class, errors::gatewayFailure);
              config.routes.exception(HttpRefusal.class, errors::refusal);
              config.routes.exception(HttpResponseException.class, errors::javalinResponse);
              config.routes.exception(Exception.class, errors::unexpected);
            });
  }

  private static void configure(JavalinConfig config, HttpSettings settings, ObjectMapper json) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.startup.startupWatcherEnabled = false;
    config.jsonMapper(new JavalinJackson(json, true));
    // JsonBodyReader enforces the limit with our 413; this keeps Javalin's ctx.body() in line
    config.http.maxRequestSize = settings.maxRequestBytes();
    config.http.prefer405over404 = true;
    JettySetup.apply(config, settings);
    if (settings.corsEnabled()) {
      config.bundledPlugins.enableCors(
          cors -> cors.addRule(rule -> CorsRules.apply(rule, settings)));
    }
  }

  /** Starts listening; returns once the port is bound. */
  public void start() {
    javalin.start();
  }

  /** The bound port: the configured one, or the one picked for port 0. */
  public int port() {
    return javalin.port();
  }

  /**
   * Stops accepting connections and lets running requests, streams included, finish for up to 30
   * seconds.
   */
  public void stop() {
    javalin.stop();
  }
}
