package io.bedrockgateway.client;

/** Receives a stream's events in order, as they arrive. */
@FunctionalInterface
public interface StreamHandler {
  void onEvent(StreamEvent event);
}
