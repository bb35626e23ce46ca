package io.bedrockgateway.client;

/** Why a call took its path. */
public enum RouteReason {
  /** {@code USE_BEDROCK_GATEWAY} is off: every call goes direct. */
  GATEWAY_OFF,
  /** The routing key's bucket is below {@code GATEWAY_TRAFFIC_PERCENTAGE}. */
  IN_GATEWAY_SHARE,
  /** The routing key's bucket is at or above {@code GATEWAY_TRAFFIC_PERCENTAGE}. */
  OUTSIDE_GATEWAY_SHARE,
  /** The gateway failed before the first byte of its answer; the call was made direct. */
  FALLBACK,
  /**
   * The gateway's breaker is open after repeated failures; the call went direct without trying it.
   */
  BREAKER_OPEN
}
