package io.bedrockgateway.domain.catalog;

import io.bedrockgateway.domain.chat.ModelId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A model the gateway is configured for.
 *
 * @param id the model id, inference-profile id or ARN the gateway sends to Bedrock
 * @param aliases other names callers may use for it
 * @param region where it is called, when not in the gateway's own region
 * @param fallbacks where to go, in order, when it is throttled or unavailable
 */
public record CatalogEntry(
    ModelId id,
    List<String> aliases,
    Set<ModelOperation> operations,
    boolean streaming,
    Set<InputModality> inputModalities,
    Optional<Region> region,
    List<ModelTarget> fallbacks) {

  public CatalogEntry {
    Objects.requireNonNull(id, "id");
    aliases = List.copyOf(Objects.requireNonNull(aliases, "aliases"));
    operations = Set.copyOf(Objects.requireNonNull(operations, "operations"));
    inputModalities = Set.copyOf(Objects.requireNonNull(inputModalities, "inputModalities"));
    Objects.requireNonNull(region, "region");
    fallbacks = List.copyOf(Objects.requireNonNull(fallbacks, "fallbacks"));
    if (operations.isEmpty()) {
      throw new IllegalArgumentException(id + ": needs at least one operation");
    }
    if (aliases.stream().anyMatch(alias -> alias.isBlank() || alias.equals(id.value()))) {
      throw new IllegalArgumentException(id + ": aliases must not be blank or the id itself");
    }
  }

  /** This model first, then its fallbacks. */
  public ModelRoute route(ModelId requested) {
    List<ModelTarget> targets = new ArrayList<>();
    targets.add(new ModelTarget(id, region));
    targets.addAll(fallbacks);
    return new ModelRoute(requested, targets);
  }

  public boolean supports(ModelOperation operation) {
    return operations.contains(operation);
  }

  public boolean reads(InputModality modality) {
    return inputModalities.contains(modality);
  }
}
