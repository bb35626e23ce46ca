package io.bedrockgateway.domain.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of US dollars, exact to a billionth of a dollar: one token of the cheapest model costs
 * a few hundred billionths, and integer amounts add up without drift across instances.
 */
public record Usd(long nanos) implements Comparable<Usd> {
  public static final Usd ZERO = new Usd(0);
  private static final BigDecimal NANOS_PER_DOLLAR = BigDecimal.valueOf(1_000_000_000L);

  public Usd {
    if (nanos < 0) {
      throw new IllegalArgumentException("an amount of dollars must not be negative");
    }
  }

  /** Rounds to the nearest billionth. */
  public static Usd of(BigDecimal dollars) {
    return new Usd(
        dollars.multiply(NANOS_PER_DOLLAR).setScale(0, RoundingMode.HALF_UP).longValueExact());
  }

  public static Usd of(String dollars) {
    return of(new BigDecimal(dollars));
  }

  public Usd plus(Usd other) {
    return new Usd(Math.addExact(nanos, other.nanos));
  }

  public Usd times(long factor) {
    return new Usd(Math.multiplyExact(nanos, factor));
  }

  public BigDecimal dollars() {
    return BigDecimal.valueOf(nanos).divide(NANOS_PER_DOLLAR).stripTrailingZeros();
  }

  @Override
  public int compareTo(Usd other) {
    return Long.compare(nanos, other.nanos);
  }

  @Override
  public String toString() {
    return "$" + dollars().toPlainString();
  }
}
