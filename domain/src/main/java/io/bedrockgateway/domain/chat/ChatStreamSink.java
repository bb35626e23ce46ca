package io.bedrockgateway.domain.chat;

/**
 * Receives the events of a streamed answer as they arrive. An implementation that can no longer
 * deliver (the client went away) throws {@link io.bedrockgateway.domain.error.ClientCancelled}, and
 * the producer stops.
 */
@FunctionalInterface
public interface ChatStreamSink {
  void accept(ChatStreamEvent event);
}
