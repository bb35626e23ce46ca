package io.bedrockgateway.domain.catalog;

import io.bedrockgateway.domain.chat.ModelId;
import java.util.List;
import java.util.Objects;

/**
 * Where a request for {@code requested} goes: its targets in order, the first the preferred one and
 * the others its fallbacks when it is throttled or unavailable.
 */
public record ModelRoute(ModelId requested, List<ModelTarget> targets) {
  public ModelRoute {
    Objects.requireNonNull(requested, "requested");
    targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a route needs at least one target");
    }
  }

  /** A route to the model itself, in the gateway's region, without fallbacks. */
  public static ModelRoute direct(ModelId model) {
    return new ModelRoute(model, List.of(ModelTarget.of(model)));
  }

  /** The model of the preferred target, by which a request is priced before it runs. */
  public ModelId primaryModel() {
    return targets.getFirst().model();
  }
}
