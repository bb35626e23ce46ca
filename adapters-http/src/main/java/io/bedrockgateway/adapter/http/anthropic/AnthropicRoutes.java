package io.bedrockgateway.adapter.http.anthropic;

import io.bedrockgateway.adapter.http.common.EdgeServices;
import io.bedrockgateway.adapter.http.common.ErrorShape;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.adapter.http.common.SurfaceMark;
import io.bedrockgateway.domain.request.ApiSurface;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Anthropic's Messages API: {@code POST /v1/messages} and {@code /v1/messages/count_tokens}, for
 * Claude through Bedrock, so that Claude Code (Anthropic mode) and the Anthropic SDKs work with
 * their base URL at the gateway and a gateway key as {@code x-api-key} or bearer token. It claims
 * exactly its own paths; {@code GET /v1/models} is shared with the OpenAI-compatible surface, which
 * the server answers with {@link #models} for requests carrying {@code anthropic-version}.
 */
public final class AnthropicRoutes {
  public static final String MESSAGES = "/v1/messages";

  /** Anthropic's error shape. */
  public static final ErrorShape ERRORS = new AnthropicErrors();

  private AnthropicRoutes() {}

  /**
   * @param pings the scheduler that times the pings of silent streams; the server owns it
   */
  public static void register(
      JavalinConfig config,
      EdgeServices edge,
      AnthropicSettings settings,
      ScheduledExecutorService pings) {
    SurfaceMark.claim(config, MESSAGES, ApiSurface.ANTHROPIC, ERRORS);
    SurfaceMark.claim(config, MESSAGES + "/*", ApiSurface.ANTHROPIC, ERRORS);
    KeyGate key = edge.key();
    MessagesHandlers messages = new MessagesHandlers(edge, settings, pings);
    config.routes.post(MESSAGES, guard(key, messages::messages));
    config.routes.post(MESSAGES + "/count_tokens", guard(key, messages::countTokens));
  }

  /** A single scheduler thread for the pings of every stream; it only looks, never writes. */
  public static ScheduledExecutorService pingScheduler() {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> Thread.ofPlatform().name("anthropic-pings").daemon().unstarted(runnable));
  }

  /**
   * {@code GET /v1/models} in Anthropic's shape, key-guarded and marked as this surface; for the
   * server to answer requests that carry {@code anthropic-version} ({@link
   * AnthropicModelsHandler#wanted}).
   */
  public static Handler models(EdgeServices edge) {
    return guard(edge.key(), new AnthropicModelsHandler(edge.useCases().models()));
  }

  /** Marks the request as this surface's whatever wider claim covers it, then the key gate. */
  private static Handler guard(KeyGate key, Handler handler) {
    Handler keyed = key.guard(handler);
    return ctx -> {
      SurfaceMark.mark(ctx, ApiSurface.ANTHROPIC, ERRORS);
      keyed.handle(ctx);
    };
  }
}
