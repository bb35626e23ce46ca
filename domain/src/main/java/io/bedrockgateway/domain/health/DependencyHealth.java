package io.bedrockgateway.domain.health;

import java.util.Objects;

/**
 * A dependency's state. {@code critical} ones make the gateway unable to serve when they are down;
 * others only degrade it.
 */
public record DependencyHealth(boolean up, boolean critical, String detail) {
  public DependencyHealth {
    Objects.requireNonNull(detail, "detail");
  }

  public static DependencyHealth up(String detail) {
    return new DependencyHealth(true, false, detail);
  }
}
