package io.bedrockgateway.domain.quota;

import io.bedrockgateway.domain.cost.Usd;
import java.util.Objects;

/**
 * What a request may use at most, reserved at admission: its estimated input plus the output it may
 * produce, the cost of those tokens, and whether it holds a stream open.
 */
public record Demand(long tokens, Usd cost, boolean stream) {
  public Demand {
    Objects.requireNonNull(cost, "cost");
    if (tokens < 0) {
      throw new IllegalArgumentException("tokens must not be negative");
    }
  }
}
