package io.bedrockgateway.application.port.out;

/**
 * A {@link QuotaCounter} could not reach the store it counts in within its time bound. Whatever the
 * store's client threw has been left behind at the adapter's edge; only its summary is kept.
 */
public final class QuotaCounterUnavailable extends RuntimeException {
  public QuotaCounterUnavailable(String reason) {
    super(reason, null, false, false);
  }
}
