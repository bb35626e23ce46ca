package io.bedrockgateway.client;

/**
 * A failure of the gateway itself before the first byte of its answer: the only failures a call may
 * fall back to direct Bedrock on.
 */
public enum FailureCause {
  /** Nothing listens at the gateway's address. */
  CONNECTION_REFUSED,
  /** The connection closed before a single byte of an answer came back. */
  CONNECTION_CLOSED,
  /** No connection, or no answer's first byte, within the configured time. */
  TIMEOUT,
  /** 502 from the gateway (or a proxy in front of it). */
  BAD_GATEWAY,
  /** 503 from the gateway (or a proxy in front of it). */
  SERVICE_UNAVAILABLE,
  /** 504 from the gateway (or a proxy in front of it). */
  GATEWAY_TIMEOUT,
  /** The gateway's breaker is open: the gateway was not tried. */
  BREAKER_OPEN;

  /** The cause for a gateway status, if that status is one the client may fall back on. */
  static FailureCause ofStatus(int status) {
    return switch (status) {
      case 502 -> BAD_GATEWAY;
      case 503 -> SERVICE_UNAVAILABLE;
      case 504 -> GATEWAY_TIMEOUT;
      default -> null;
    };
  }
}
