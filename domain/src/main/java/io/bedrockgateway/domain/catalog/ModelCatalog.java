package io.bedrockgateway.domain.catalog;

import io.bedrockgateway.domain.chat.ModelId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models the gateway is configured for, found by id, alias or base model id. A model that is
 * not in the catalogue can still be called by its id: it is sent as named, without fallbacks.
 */
public final class ModelCatalog {
  public static final ModelCatalog EMPTY = new ModelCatalog(List.of());

  private final List<CatalogEntry> entries;
  private final Map<String, CatalogEntry> byName = new HashMap<>();

  public ModelCatalog(List<CatalogEntry> entries) {
    this.entries = List.copyOf(entries);
    for (CatalogEntry entry : this.entries) {
      register(entry.id().value(), entry);
      entry.aliases().forEach(alias -> register(alias, entry));
    }
  }

  private void register(String name, CatalogEntry entry) {
    CatalogEntry earlier = byName.putIfAbsent(name, entry);
    if (earlier != null) {
      throw new IllegalArgumentException(
          name + " names both " + earlier.id() + " and " + entry.id() + " in the model catalogue");
    }
  }

  public List<CatalogEntry> entries() {
    return entries;
  }

  /**
   * The entry {@code requested} names: by id or alias, or, for a bare base model id, the entry
   * whose id (an inference profile, say) stands for that model.
   */
  public Optional<CatalogEntry> find(ModelId requested) {
    CatalogEntry named = byName.get(requested.value());
    if (named != null) {
      return Optional.of(named);
    }
    if (!requested.value().equals(requested.baseModelId())) {
      return Optional.empty();
    }
    return entries.stream()
        .filter(entry -> entry.id().baseModelId().equals(requested.value()))
        .findFirst();
  }

  /** Where a request for {@code requested} goes. */
  public ModelRoute route(ModelId requested) {
    return find(requested)
        .map(entry -> entry.route(requested))
        .orElseGet(() -> ModelRoute.direct(requested));
  }
}
