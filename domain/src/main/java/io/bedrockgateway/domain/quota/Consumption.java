package io.bedrockgateway.domain.quota;

import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import java.util.Objects;

/** What a request really used, settled against its reservation when it ends. */
public record Consumption(TokenUsage usage, Usd cost) {
  public static final Consumption NONE = new Consumption(TokenUsage.NONE, Usd.ZERO);

  public Consumption {
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(cost, "cost");
  }
}
