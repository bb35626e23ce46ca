package io.bedrockgateway.adapter.http.anthropic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.application.port.in.ListModelsCommand;
import io.bedrockgateway.application.port.in.ListModelsUseCase;
import io.bedrockgateway.domain.catalog.CatalogEntry;
import io.bedrockgateway.domain.catalog.ModelOperation;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/**
 * {@code GET /v1/models} in Anthropic's shape, for a request that carries {@code
 * anthropic-version}: the Claude models of the catalogue the key may use, each named as Anthropic
 * spells it (its first {@code claude-...} alias) when the catalogue has such a name.
 */
public final class AnthropicModelsHandler implements Handler {
  /** The header by which Anthropic's clients announce themselves. */
  public static final String VERSION_HEADER = "anthropic-version";

  /** The catalogue records no release dates; Anthropic's shape requires one. */
  private static final String CREATED_AT = "2025-01-01T00:00:00Z";

  private final ListModelsUseCase models;

  AnthropicModelsHandler(ListModelsUseCase models) {
    this.models = models;
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Listing(
      List<Model> data,
      @JsonProperty("has_more") boolean hasMore,
      @JsonProperty("first_id") String firstId,
      @JsonProperty("last_id") String lastId) {}

  record Model(
      String type,
      String id,
      @JsonProperty("display_name") String displayName,
      @JsonProperty("created_at") String createdAt) {}

  /** Whether a request asks in Anthropic's dialect. */
  public static boolean wanted(Context ctx) {
    return ctx.header(VERSION_HEADER) != null;
  }

  @Override
  public void handle(Context ctx) {
    List<Model> claude =
        models.list(new ListModelsCommand(KeyGate.caller(ctx))).stream()
            .map(description -> description.entry())
            .filter(entry -> entry.supports(ModelOperation.CHAT))
            .filter(entry -> entry.id().baseModelId().startsWith("anthropic."))
            .map(AnthropicModelsHandler::model)
            .toList();
    ctx.json(
        new Listing(
            claude,
            false,
            claude.isEmpty() ? null : claude.getFirst().id(),
            claude.isEmpty() ? null : claude.getLast().id()));
  }

  private static Model model(CatalogEntry entry) {
    String id =
        entry.aliases().stream()
            .filter(
                alias -> alias.startsWith("claude-") && alias.chars().anyMatch(Character::isDigit))
            .findFirst()
            .orElse(entry.id().value());
    return new Model("model", id, id, CREATED_AT);
  }
}
