package io.bedrockgateway.domain.invoke;

import io.bedrockgateway.domain.chat.ModelId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a finished stream amounted to.
 *
 * @param servedModel the model that served it
 * @param usage the last usage the model reported in it, if it reported any
 */
public record InvocationSummary(ModelId servedModel, Optional<StreamUsage> usage) {
  public InvocationSummary {
    Objects.requireNonNull(servedModel, "servedModel");
    Objects.requireNonNull(usage, "usage");
  }
}
