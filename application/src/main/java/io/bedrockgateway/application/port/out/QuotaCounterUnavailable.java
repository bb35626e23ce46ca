package io.bedrockgateway.application.port.out;

/**
 * A {@link QuotaCounter} judged the store it counts in unavailable (its circuit breaker is open)
 * and did not count this request there. Whatever the store's client threw has been left behind at
 * the adapter's edge; only its summary is kept.
 */
public final class QuotaCounterUnavailable extends RuntimeException {
  public QuotaCounterUnavailable(String reason) {
    super(reason, null, false, false);
  }
}
