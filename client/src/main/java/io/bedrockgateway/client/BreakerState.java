package io.bedrockgateway.client;

/** The gateway breaker's state. */
public enum BreakerState {
  /** Calls go to the gateway. */
  CLOSED,
  /** After repeated failures: calls skip the gateway until the cool-down ends. */
  OPEN,
  /** The cool-down ended: the next call probes the gateway. */
  HALF_OPEN
}
