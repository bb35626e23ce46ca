package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.ListModelsCommand;
import io.bedrockgateway.application.port.in.ListModelsUseCase;
import io.bedrockgateway.application.port.in.ModelDescription;
import io.bedrockgateway.domain.catalog.ModelCatalog;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.key.Principal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The catalogue as the key sees it: the models it may use, with their prices. */
public final class ModelListService implements ListModelsUseCase {
  private final ModelCallFlow flow;
  private final ModelCatalog catalog;
  private final PriceTable prices;

  public ModelListService(ModelCallFlow flow, ModelCatalog catalog, PriceTable prices) {
    this.flow = Objects.requireNonNull(flow, "flow");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  @Override
  public List<ModelDescription> list(ListModelsCommand command) {
    Principal principal = command.caller();
    return catalog.entries().stream()
        .filter(entry -> ModelCallFlow.mayUse(principal, entry.id(), Optional.of(entry)))
        .map(
            entry ->
                new ModelDescription(
                    entry, prices.priceOf(entry.id()), prices.imagePriceOf(entry.id())))
        .toList();
  }
}
