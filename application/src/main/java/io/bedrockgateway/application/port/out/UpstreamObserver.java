package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.chat.ModelId;

/** Told by the model invoker what its failover does, attempt by attempt. Must be cheap. */
public interface UpstreamObserver {
  /**
   * One attempt at one target failed with an error of this kind (e.g. {@code upstream_throttled}).
   */
  void attemptFailed(String errorKind);

  /** Every target failed and a new round of attempts begins after a backoff. */
  void retried();

  /** A target failed and the call moves on to the next target of its route. */
  void fellBack(ModelId from, ModelId to);
}
