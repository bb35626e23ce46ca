package io.bedrockgateway.domain.invoke;

import io.bedrockgateway.domain.chat.ModelId;

/**
 * Receives the chunks of a streamed invocation as they arrive. An implementation that can no longer
 * deliver (the client went away) throws {@link io.bedrockgateway.domain.error.ClientCancelled}, and
 * the producer stops.
 */
@FunctionalInterface
public interface InvocationStreamSink {
  void accept(InvocationChunk chunk);

  /**
   * Called once, just before the first chunk, with the model that serves the stream: with fallback
   * chains it may not be the one asked for.
   */
  default void serving(ModelId model) {}
}
