package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.error.GatewayException;

/**
 * A failed call to one target, translated, with what the failover needs to know: whether another
 * attempt may succeed, and whether the caller already received part of the answer.
 */
final class TargetFailure extends RuntimeException {
  private final GatewayException error;
  private final boolean retryable;
  private final boolean committed;

  TargetFailure(GatewayException error, boolean retryable, boolean committed) {
    super(error.getMessage(), null, false, false);
    this.error = error;
    this.retryable = retryable;
    this.committed = committed;
  }

  GatewayException error() {
    return error;
  }

  /** The target failed in a way that later, or elsewhere, may not: throttled, 5xx, unreachable. */
  boolean retryable() {
    return retryable;
  }

  /** Another attempt may still serve the caller: nothing of this one reached it. */
  boolean mayTryAgain() {
    return retryable && !committed;
  }

  TargetFailure afterCommit(boolean delivered) {
    return new TargetFailure(error, retryable, delivered);
  }
}
