package io.bedrockgateway.adapter.http.nativeapi;

import io.bedrockgateway.adapter.http.common.EdgeServices;
import io.bedrockgateway.adapter.http.common.HealthHandlers;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.adapter.http.common.SurfaceMark;
import io.bedrockgateway.application.port.in.UsageReportUseCase;
import io.bedrockgateway.domain.request.ApiSurface;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.List;

/**
 * The native API: the earlier gateway's routes under {@code /api/v1}, and the same under {@code
 * /api/v1/bedrock}, since deployed clients use both (e.g. {@code /api/v1/converse} and {@code
 * /api/v1/bedrock/converse}).
 */
public final class NativeRoutes {
  private static final List<String> PREFIXES = List.of("/api/v1", "/api/v1/bedrock");

  private NativeRoutes() {}

  /** The error shape of the native API, also the listeners' default. */
  public static final NativeErrors ERRORS = new NativeErrors();

  public static void register(JavalinConfig config, EdgeServices edge, HealthHandlers health) {
    KeyGate key = edge.key();
    ConverseHandlers converse =
        new ConverseHandlers(
            edge.useCases().converse(),
            edge.rejections(),
            new ConverseCommandReader(edge.bodies(), new ChatRequestMapper(), edge.facts()),
            edge.json(),
            edge.timeouts(),
            edge.clock());
    EmbeddingHandlers embeddings =
        new EmbeddingHandlers(
            edge.useCases().embed(), edge.bodies(), edge.facts(), edge.rejections(), edge.clock());
    ImageHandler images =
        new ImageHandler(
            edge.useCases().images(), edge.bodies(), edge.facts(), edge.rejections(), edge.clock());
    ModelsHandler models = new ModelsHandler(edge.useCases().models());
    UsageHandlers usage = UsageHandlers.ownUsage(edge.useCases().usage(), edge.clock());
    for (String prefix : PREFIXES) {
      SurfaceMark.claim(config, prefix + "/*", ApiSurface.NATIVE, ERRORS);
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

  /** {@code /usage} and {@code /stats} over every key, for the operator's listener. */
  public static UsageHandlers everyonesUsage(UsageReportUseCase usage, Clock clock) {
    return UsageHandlers.everyonesUsage(usage, clock);
  }
}
