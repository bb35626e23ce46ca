package io.bedrockgateway.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.adapter.http.admin.AdminRoutes;
import io.bedrockgateway.adapter.http.anthropic.AnthropicModelsHandler;
import io.bedrockgateway.adapter.http.anthropic.AnthropicRoutes;
import io.bedrockgateway.adapter.http.anthropic.AnthropicSettings;
import io.bedrockgateway.adapter.http.bedrock.BedrockRoutes;
import io.bedrockgateway.adapter.http.common.ClientAddressResolver;
import io.bedrockgateway.adapter.http.common.ConnectionTimeouts;
import io.bedrockgateway.adapter.http.common.EdgeServices;
import io.bedrockgateway.adapter.http.common.ErrorResponder;
import io.bedrockgateway.adapter.http.common.GatewayJson;
import io.bedrockgateway.adapter.http.common.HealthHandlers;
import io.bedrockgateway.adapter.http.common.HttpRefusal;
import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.adapter.http.common.MetricsHandler;
import io.bedrockgateway.adapter.http.common.RejectionRecorder;
import io.bedrockgateway.adapter.http.common.RequestEnd;
import io.bedrockgateway.adapter.http.common.RequestFacts;
import io.bedrockgateway.adapter.http.common.RequestStamp;
import io.bedrockgateway.adapter.http.common.UseCases;
import io.bedrockgateway.adapter.http.console.ConsoleHandler;
import io.bedrockgateway.adapter.http.nativeapi.NativeRoutes;
import io.bedrockgateway.adapter.http.nativeapi.UsageHandlers;
import io.bedrockgateway.adapter.http.openai.ModelsHandlers;
import io.bedrockgateway.adapter.http.openai.OpenAiRoutes;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.media.RemoteMediaPolicy;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The gateway's two HTTP listeners. The public one serves applications through its API surfaces
 * (each a package: {@code nativeapi}, ...), every model route behind the key. The admin one serves
 * the operator: the admin API, everyone's usage, health detail and metrics, behind the admin token,
 * and the operator console that reads them. What every surface shares lives in {@code common}.
 */
public final class GatewayHttpServer {
  private static final int RESPONSE_COPY_BUFFER_BYTES = 8192;

  private final Javalin publicApi;
  private final Javalin adminApi;
  private final HttpSettings settings;
  private final ScheduledExecutorService anthropicPings = AnthropicRoutes.pingScheduler();

  public GatewayHttpServer(HttpSettings settings, UseCases useCases, Clock clock) {
    this(settings, AnthropicSettings.DEFAULTS, useCases, clock);
  }

  public GatewayHttpServer(
      HttpSettings settings, AnthropicSettings anthropic, UseCases useCases, Clock clock) {
    this(settings, anthropic, RemoteMediaPolicy.NONE, useCases, clock);
  }

  /**
   * @param remoteMedia which images the OpenAI surface takes by URL (fetched by the converse use
   *     case once a request is admitted)
   */
  public GatewayHttpServer(
      HttpSettings settings,
      AnthropicSettings anthropic,
      RemoteMediaPolicy remoteMedia,
      UseCases useCases,
      Clock clock) {
    Objects.requireNonNull(remoteMedia, "remoteMedia");
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(useCases, "useCases");
    Objects.requireNonNull(clock, "clock");
    ObjectMapper json = GatewayJson.newMapper();
    JsonBodyReader bodies = new JsonBodyReader(json, settings.limits(), settings.timeouts());
    RequestFacts facts = new RequestFacts(new ClientAddressResolver(settings.trustedProxies()));
    RequestEnd requestEnd = new RequestEnd(useCases.metrics(), clock);
    HealthHandlers health = new HealthHandlers(useCases.health());
    MetricsHandler metrics = new MetricsHandler(useCases.metrics());
    EdgeServices edge =
        new EdgeServices(
            useCases,
            json,
            bodies,
            facts,
            new KeyGate(useCases.authenticate()),
            new RejectionRecorder(useCases.rejections(), facts),
            settings.timeouts(),
            clock);
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
              probes(config, health, metrics);
              NativeRoutes.register(config, edge, health);
              BedrockRoutes.register(config, edge);
              AnthropicRoutes.register(config, edge, anthropic, anthropicPings);
              OpenAiRoutes.register(config, edge, remoteMedia);
              sharedV1Routes(config, edge);
            });
    this.adminApi =
        listener(
            settings,
            settings.adminListener(),
            json,
            clock,
            requestEnd,
            config -> {
              probes(config, health, metrics);
              UsageHandlers usage = NativeRoutes.everyonesUsage(useCases.usage(), clock);
              AdminRoutes.register(
                  config,
                  settings.adminToken(),
                  useCases.keys(),
                  bodies,
                  health,
                  usage::usage,
                  usage::stats,
                  clock);
              // the console's files hold no data: it signs in with the admin token and calls the
              // admin routes
              ConsoleHandler console = ConsoleHandler.fromClasspath();
              config.routes.get(ConsoleHandler.PATH, console::page);
              config.routes.get(ConsoleHandler.PATH + "/<asset>", console::asset);
            });
  }

  /**
   * Routes under {@code /v1} that more than one surface answers, each in its clients' shape: the
   * model list is OpenAI's (a surface whose clients send their own header, as Anthropic's send
   * {@code anthropic-version}, dispatches on it here).
   */
  private static void sharedV1Routes(JavalinConfig config, EdgeServices edge) {
    ModelsHandlers openAiModels = OpenAiRoutes.models(config, edge);
    Handler openAiList = edge.key().guard(openAiModels::list);
    Handler anthropicList = AnthropicRoutes.models(edge);
    // both SDKs ask /v1/models; Anthropic's always send anthropic-version
    config.routes.get(
        "/v1/models",
        ctx -> (AnthropicModelsHandler.wanted(ctx) ? anthropicList : openAiList).handle(ctx));
    config.routes.get("/v1/models/{id}", edge.key().guard(openAiModels::one));
  }

  /** Health for orchestrators and the Prometheus scrape, on both listeners. */
  private static void probes(JavalinConfig config, HealthHandlers health, MetricsHandler metrics) {
    config.routes.get("/health", health::summary);
    config.routes.get("/health/live", health::live);
    config.routes.get("/health/ready", health::ready);
    config.routes.get("/metrics", metrics);
  }

  /** One listener with what every route shares: request ids, the access log, the error answers. */
  private static Javalin listener(
      HttpSettings settings,
      HttpSettings.Listener listener,
      ObjectMapper json,
      Clock clock,
      RequestEnd requestEnd,
      Consumer<JavalinConfig> routes) {
    ErrorResponder errors = new ErrorResponder(NativeRoutes.ERRORS);
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.startup.startupWatcherEnabled = false;
          config.jsonMapper(new JavalinJackson(json, true));
          // JsonBodyReader enforces the limit with our 413; this keeps Javalin's ctx.body() in line
          config.http.maxRequestSize = settings.maxRequestBytes();
          config.http.prefer405over404 = true;
          // the buffer Javalin copies each answer through (Jetty's own output buffer stays
          // 32 KB); left unset it is 32 KB too, allocated for every answer
          config.http.responseBufferSize = RESPONSE_COPY_BUFFER_BYTES;
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
    anthropicPings.shutdownNow();
  }
}
