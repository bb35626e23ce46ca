package io.bedrockgateway.adapter.http.bedrock;

import io.bedrockgateway.adapter.http.common.EdgeServices;
import io.bedrockgateway.adapter.http.common.ErrorShape;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.adapter.http.common.RequestStamp;
import io.bedrockgateway.adapter.http.common.SurfaceMark;
import io.bedrockgateway.domain.request.ApiSurface;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;

/**
 * Bedrock Runtime's own API under {@code /bedrock}, so that an AWS SDK (or Claude Code in Bedrock
 * mode) pointed at {@code http://HOST:PORT/bedrock} with a gateway key as its bearer token works
 * unchanged: the same paths, bodies, event-stream framing, error shapes and headers.
 */
public final class BedrockRoutes {
  public static final String PREFIX = "/bedrock";

  /** Bedrock's error shape, for every path under the prefix. */
  public static final ErrorShape ERRORS = new BedrockErrors();

  private BedrockRoutes() {}

  public static void register(JavalinConfig config, EdgeServices edge) {
    SurfaceMark.claim(config, PREFIX + "/*", ApiSurface.BEDROCK, ERRORS);
    config.routes.before(
        PREFIX + "/*",
        ctx -> ctx.header(BedrockErrors.REQUEST_ID, RequestStamp.of(ctx).requestId().value()));
    KeyGate key = edge.key();
    ConverseHandlers converse = new ConverseHandlers(edge);
    InvokeHandlers invoke = new InvokeHandlers(edge);
    InferenceProfilesHandler profiles = new InferenceProfilesHandler(edge.useCases().models());
    String model = PREFIX + "/model/{modelId}";
    config.routes.post(model + "/converse", guard(key, converse::converse));
    config.routes.post(model + "/converse-stream", guard(key, converse::converseStream));
    config.routes.post(model + "/invoke", guard(key, invoke::invoke));
    config.routes.post(model + "/invoke-with-response-stream", guard(key, invoke::invokeStream));
    config.routes.post(model + "/count-tokens", guard(key, invoke::countTokens));
    config.routes.get(PREFIX + "/inference-profiles", guard(key, profiles::list));
    config.routes.get(PREFIX + "/inference-profiles/{id}", guard(key, profiles::get));
  }

  /** The key gate, after refusing requests signed with AWS credentials with an explanation. */
  private static Handler guard(KeyGate key, Handler handler) {
    Handler keyed = key.guard(handler);
    return ctx -> {
      SignedRequests.refuse(ctx);
      keyed.handle(ctx);
    };
  }
}
