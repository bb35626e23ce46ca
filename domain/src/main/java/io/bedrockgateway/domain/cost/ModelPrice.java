package io.bedrockgateway.domain.cost;

import io.bedrockgateway.domain.chat.TokenUsage;
import java.math.BigDecimal;
import java.util.Objects;

/** On-demand prices of one model, in US dollars per million tokens. */
public record ModelPrice(BigDecimal inputPerMillionTokens, BigDecimal outputPerMillionTokens) {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  public ModelPrice {
    requireNotNegative("inputPerMillionTokens", inputPerMillionTokens);
    requireNotNegative("outputPerMillionTokens", outputPerMillionTokens);
  }

  public Usd cost(TokenUsage usage) {
    BigDecimal dollars =
        inputPerMillionTokens
            .multiply(BigDecimal.valueOf(usage.inputTokens()))
            .add(outputPerMillionTokens.multiply(BigDecimal.valueOf(usage.outputTokens())))
            .divide(MILLION);
    return Usd.of(dollars);
  }

  private static void requireNotNegative(String name, BigDecimal value) {
    Objects.requireNonNull(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }
}
