package io.bedrockgateway.adapter.http.nativeapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.application.port.in.ListModelsCommand;
import io.bedrockgateway.application.port.in.ListModelsUseCase;
import io.bedrockgateway.application.port.in.ModelDescription;
import io.bedrockgateway.domain.catalog.CatalogEntry;
import io.bedrockgateway.domain.catalog.InputModality;
import io.bedrockgateway.domain.catalog.ModelOperation;
import io.bedrockgateway.domain.catalog.ModelTarget;
import io.bedrockgateway.domain.catalog.Region;
import io.bedrockgateway.domain.cost.ImagePrice;
import io.bedrockgateway.domain.cost.ModelPrice;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.math.BigDecimal;
import java.util.List;

/** {@code GET /models}: the configured catalogue the key may use. */
public final class ModelsHandler implements Handler {
  private final ListModelsUseCase models;

  ModelsHandler(ListModelsUseCase models) {
    this.models = models;
  }

  record Listing(List<Model> models) {}

  record Model(
      String id,
      List<String> aliases,
      List<String> operations,
      boolean streaming,
      @JsonProperty("input_modalities") List<String> inputModalities,
      String region,
      List<Target> fallbacks,
      Prices prices) {}

  record Target(String model, String region) {}

  record Prices(
      @JsonProperty("input_usd_per_million_tokens") BigDecimal inputPerMillionTokens,
      @JsonProperty("output_usd_per_million_tokens") BigDecimal outputPerMillionTokens,
      @JsonProperty("cache_read_usd_per_million_tokens") BigDecimal cacheReadPerMillionTokens,
      @JsonProperty("cache_write_usd_per_million_tokens") BigDecimal cacheWritePerMillionTokens,
      @JsonProperty("per_image") List<ImageTier> perImage) {}

  record ImageTier(
      @JsonProperty("max_pixels") long maxPixels,
      @JsonProperty("standard_usd") BigDecimal standard,
      @JsonProperty("premium_usd") BigDecimal premium) {}

  @Override
  public void handle(Context ctx) {
    List<ModelDescription> described = models.list(new ListModelsCommand(KeyGate.caller(ctx)));
    ctx.json(new Listing(described.stream().map(ModelsHandler::model).toList()));
  }

  private static Model model(ModelDescription description) {
    CatalogEntry entry = description.entry();
    return new Model(
        entry.id().value(),
        entry.aliases(),
        entry.operations().stream().sorted().map(ModelOperation::wireName).toList(),
        entry.streaming(),
        entry.inputModalities().stream().sorted().map(InputModality::wireName).toList(),
        entry.region().map(Region::name).orElse(null),
        entry.fallbacks().stream().map(ModelsHandler::target).toList(),
        new Prices(
            description.tokenPrice().map(ModelPrice::inputPerMillionTokens).orElse(null),
            description.tokenPrice().map(ModelPrice::outputPerMillionTokens).orElse(null),
            description.tokenPrice().map(ModelPrice::cacheReadPerMillionTokens).orElse(null),
            description.tokenPrice().map(ModelPrice::cacheWritePerMillionTokens).orElse(null),
            description.imagePrice().map(ModelsHandler::tiers).orElse(null)));
  }

  private static Target target(ModelTarget target) {
    return new Target(target.model().value(), target.region().map(Region::name).orElse(null));
  }

  private static List<ImageTier> tiers(ImagePrice price) {
    return price.tiers().stream()
        .map(
            tier ->
                new ImageTier(
                    tier.maxPixels(), tier.standard().dollars(), tier.premium().dollars()))
        .toList();
  }
}
