package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.application.port.in.ListModelsCommand;
import io.bedrockgateway.application.port.in.ListModelsUseCase;
import io.bedrockgateway.application.port.in.ModelDescription;
import io.bedrockgateway.domain.catalog.CatalogEntry;
import io.bedrockgateway.domain.error.UnknownModel;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}} in OpenAI's shape: the catalogue's models
 * this key may use, each under its Bedrock id and under each of its aliases, so that any name a
 * client may send is listed. {@code owned_by} is the model's provider ({@code anthropic}, {@code
 * amazon}, ...); {@code created} is 0, as the catalogue does not know it.
 */
public final class ModelsHandlers {
  record Listing(String object, List<Model> data) {}

  record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {}

  private final ListModelsUseCase models;

  ModelsHandlers(ListModelsUseCase models) {
    this.models = models;
  }

  /** {@code GET /v1/models}. */
  public void list(Context ctx) {
    ctx.json(new Listing("list", all(ctx)));
  }

  /** {@code GET /v1/models/{id}}: 404 {@code model_not_found} for a name the key cannot use. */
  public void one(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(
        all(ctx).stream()
            .filter(model -> model.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    new UnknownModel(
                        "The model does not exist, or this key may not use it; GET /v1/models"
                            + " lists the ones it may.")));
  }

  private List<Model> all(Context ctx) {
    List<Model> listed = new ArrayList<>();
    for (ModelDescription description : models.list(new ListModelsCommand(KeyGate.caller(ctx)))) {
      CatalogEntry entry = description.entry();
      String owner = owner(entry);
      listed.add(new Model(entry.id().value(), "model", 0, owner));
      entry.aliases().forEach(alias -> listed.add(new Model(alias, "model", 0, owner)));
    }
    return listed;
  }

  private static String owner(CatalogEntry entry) {
    String base = entry.id().baseModelId();
    int dot = base.indexOf('.');
    return dot > 0 ? base.substring(0, dot) : "bedrock";
  }
}
