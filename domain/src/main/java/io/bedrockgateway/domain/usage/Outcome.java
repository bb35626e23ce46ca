package io.bedrockgateway.domain.usage;

import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.DependencyUnavailable;
import io.bedrockgateway.domain.error.GatewayException;

/** How a request ended, as far as billing and auditing care. */
public enum Outcome {
  /** Answered in full. */
  SUCCEEDED,
  /** Refused by the gateway before any model was called (key, limit, body). */
  REJECTED,
  /** The model service, or a store the gateway needs, failed or refused. */
  FAILED,
  /** The caller went away; usage counts what was produced. */
  CANCELLED;

  public static Outcome of(GatewayException failure) {
    if (failure instanceof ClientCancelled) {
      return CANCELLED;
    }
    return failure.isUpstream() || failure instanceof DependencyUnavailable ? FAILED : REJECTED;
  }
}
