package io.bedrockgateway.adapter.http.openai;

import io.bedrockgateway.adapter.http.common.EdgeServices;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.adapter.http.common.SurfaceMark;
import io.bedrockgateway.domain.media.RemoteMediaPolicy;
import io.bedrockgateway.domain.request.ApiSurface;
import io.javalin.config.JavalinConfig;
import java.util.List;

/**
 * The OpenAI-compatible API under {@code /v1}: what the OpenAI SDKs, LangChain4j, Spring AI and
 * Responses-API agents call, over the same use cases (and so the same keys, limits, budgets and
 * usage) as the native API. It claims its own paths only, so that other surfaces can serve theirs
 * under {@code /v1} too (Anthropic's {@code /v1/messages}).
 *
 * <p>{@code GET /v1/models} is not registered here: several surfaces answer it, each in its shape,
 * so whoever composes them registers {@link #models} where it fits.
 */
public final class OpenAiRoutes {
  /** The paths this surface answers, each marked with its error shape. */
  public static final List<String> CLAIMED =
      List.of("/v1/chat/*", "/v1/embeddings", "/v1/images/*", "/v1/responses", "/v1/responses/*");

  /** {@code /v1/models} and {@code /v1/models/{id}}, for whoever registers them. */
  public static final List<String> MODEL_PATHS = List.of("/v1/models", "/v1/models/*");

  private static final OpenAiErrors ERRORS = new OpenAiErrors();

  private OpenAiRoutes() {}

  /**
   * @param remoteMedia which images a request may name by URL instead of sending their bytes
   */
  public static void register(
      JavalinConfig config, EdgeServices edge, RemoteMediaPolicy remoteMedia) {
    KeyGate key = edge.key();
    Attachments attachments = new Attachments(remoteMedia);
    MessageReader messages = new MessageReader(edge.json(), attachments);
    ReasoningBudget reasoning = new ReasoningBudget(edge.useCases().models());
    ChatHandler chat =
        new ChatHandler(
            edge.useCases().converse(),
            edge.rejections(),
            new ChatRequestReader(edge.bodies(), edge.facts(), messages, reasoning),
            edge.json(),
            edge.timeouts(),
            edge.clock());
    ResponsesHandler responses =
        new ResponsesHandler(
            edge.useCases().converse(),
            edge.rejections(),
            new ResponsesRequestReader(
                edge.bodies(), edge.facts(), messages, attachments, reasoning),
            edge.json(),
            edge.timeouts(),
            edge.clock());
    EmbeddingsHandler embeddings =
        new EmbeddingsHandler(
            edge.useCases().embed(), edge.bodies(), edge.facts(), edge.rejections(), edge.clock());
    ImagesHandler images =
        new ImagesHandler(
            edge.useCases().images(), edge.bodies(), edge.facts(), edge.rejections(), edge.clock());
    for (String path : CLAIMED) {
      SurfaceMark.claim(config, path, ApiSurface.OPENAI, ERRORS);
    }
    config.routes.post("/v1/chat/completions", key.guard(chat));
    config.routes.post("/v1/responses", key.guard(responses));
    config.routes.post("/v1/embeddings", key.guard(embeddings));
    config.routes.post("/v1/images/generations", key.guard(images));
  }

  /**
   * The model list in OpenAI's shape, and marks {@link #MODEL_PATHS} as this surface's: the default
   * of {@code /v1/models}, which another surface may answer for its own clients.
   */
  public static ModelsHandlers models(JavalinConfig config, EdgeServices edge) {
    for (String path : MODEL_PATHS) {
      SurfaceMark.claim(config, path, ApiSurface.OPENAI, ERRORS);
    }
    return new ModelsHandlers(edge.useCases().models());
  }
}
