package io.bedrockgateway.domain.cost;

import io.bedrockgateway.domain.chat.TokenUsage;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * On-demand prices of one model, in US dollars per million tokens: prompt tokens read without the
 * cache, output tokens (reasoning included), and prompt tokens read from or written to the prompt
 * cache.
 */
public record ModelPrice(
    BigDecimal inputPerMillionTokens,
    BigDecimal outputPerMillionTokens,
    BigDecimal cacheReadPerMillionTokens,
    BigDecimal cacheWritePerMillionTokens) {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  public ModelPrice {
    requireNotNegative("inputPerMillionTokens", inputPerMillionTokens);
    requireNotNegative("outputPerMillionTokens", outputPerMillionTokens);
    requireNotNegative("cacheReadPerMillionTokens", cacheReadPerMillionTokens);
    requireNotNegative("cacheWritePerMillionTokens", cacheWritePerMillionTokens);
  }

  /**
   * A price without cache rates of its own: cached tokens, should the model report any, cost what
   * input tokens cost, so that they are never free.
   */
  public ModelPrice(BigDecimal inputPerMillionTokens, BigDecimal outputPerMillionTokens) {
    this(
        inputPerMillionTokens,
        outputPerMillionTokens,
        inputPerMillionTokens,
        inputPerMillionTokens);
  }

  public Usd cost(TokenUsage usage) {
    BigDecimal dollars =
        inputPerMillionTokens
            .multiply(BigDecimal.valueOf(usage.inputTokens()))
            .add(outputPerMillionTokens.multiply(BigDecimal.valueOf(usage.outputTokens())))
            .add(
                cacheReadPerMillionTokens.multiply(
                    BigDecimal.valueOf(usage.cacheReadInputTokens())))
            .add(
                cacheWritePerMillionTokens.multiply(
                    BigDecimal.valueOf(usage.cacheWriteInputTokens())))
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
