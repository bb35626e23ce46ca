package io.bedrockgateway.client;

/**
 * What the client reports as it routes: every call with the route that served it (or failed), every
 * fallback with its cause, and every change of the gateway breaker's state. Called on the caller's
 * thread (the breaker's changes on the thread of the call that caused them); keep it quick.
 */
public interface ClientListener {
  ClientListener NONE = new ClientListener() {};

  /** A call ended on {@code route}'s path, answered or not. */
  default void onCall(Operation operation, Route route, boolean succeeded) {}

  /** A call meant for the gateway went direct: the gateway failed, or its breaker is open. */
  default void onFallback(Operation operation, FailureCause cause) {}

  default void onBreakerStateChange(BreakerState from, BreakerState to) {}
}
