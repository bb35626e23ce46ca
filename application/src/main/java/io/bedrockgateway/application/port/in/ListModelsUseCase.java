package io.bedrockgateway.application.port.in;

import java.util.List;

/**
 * The configured models the key may use, with their operations, aliases and prices. Needs a valid
 * key; it calls no model, so it is not counted against the key's limits.
 */
public interface ListModelsUseCase {
  List<ModelDescription> list(ListModelsCommand command);
}
