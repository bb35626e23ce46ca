package io.bedrockgateway.domain.chat;

import java.util.List;

/**
 * Receives the events of a streamed answer as they arrive. An implementation that can no longer
 * deliver (the client went away) throws {@link io.bedrockgateway.domain.error.ClientCancelled}, and
 * the producer stops.
 */
@FunctionalInterface
public interface ChatStreamSink {
  void accept(ChatStreamEvent event);

  /**
   * Events that arrived together, in order: a sink may pass them on in one write instead of one
   * write each. By default each goes to {@link #accept}.
   */
  default void acceptEvents(List<ChatStreamEvent> events) {
    events.forEach(this::accept);
  }

  /**
   * Called once, just before the first event, with the model that serves the stream: with fallback
   * chains it may not be the one asked for. Sinks that do not report it need not implement it.
   */
  default void serving(ModelId model) {}
}
