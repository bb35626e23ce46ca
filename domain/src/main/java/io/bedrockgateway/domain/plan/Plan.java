package io.bedrockgateway.domain.plan;

import java.util.Objects;
import java.util.Optional;

/** A named set of limits a key is held to; an absent limit does not apply. */
public record Plan(String name, Optional<RequestRate> requests) {
  public Plan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(requests, "requests");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a plan needs a name");
    }
  }
}
