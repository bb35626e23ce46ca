package io.bedrockgateway.domain.error;

/**
 * Every failure the gateway reports to a caller. Adapters translate vendor errors into one of these
 * at their edge; the HTTP adapter maps each to one status.
 */
public abstract sealed class GatewayException extends RuntimeException
    permits InvalidRequest,
        PayloadTooLarge,
        Unauthorized,
        Forbidden,
        RateLimited,
        UpstreamRejected,
        UnknownModel,
        UpstreamThrottled,
        UpstreamUnavailable,
        UpstreamTimeout,
        UpstreamFailed,
        DependencyUnavailable,
        ClientCancelled,
        BatchItemFailed,
        NotFound {

  protected GatewayException(String message) {
    super(message, null, false, false);
  }

  protected GatewayException(String message, Throwable cause) {
    super(message, cause, false, false);
  }

  /** A stable, short name for logs, metrics and usage records. */
  public abstract String kind();

  /** True when the fault is the upstream model service's, not the caller's. */
  public boolean isUpstream() {
    return false;
  }
}
