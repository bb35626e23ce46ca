package io.bedrockgateway.domain.key;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a rotated key came from: the key it replaces, which keeps working until {@code graceUntil}.
 */
public record Rotation(KeyId predecessor, Instant graceUntil) {
  public Rotation {
    Objects.requireNonNull(predecessor, "predecessor");
    Objects.requireNonNull(graceUntil, "graceUntil");
  }
}
