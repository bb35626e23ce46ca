package io.bedrockgateway.domain.invoke;

import io.bedrockgateway.domain.chat.ModelId;
import java.util.List;

/**
 * Receives the chunks of a streamed invocation as they arrive. An implementation that can no longer
 * deliver (the client went away) throws {@link io.bedrockgateway.domain.error.ClientCancelled}, and
 * the producer stops.
 */
@FunctionalInterface
public interface InvocationStreamSink {
  void accept(InvocationChunk chunk);

  /**
   * Chunks that arrived together, in order: a sink may pass them on in one write instead of one
   * write each. By default each goes to {@link #accept}.
   */
  default void acceptChunks(List<InvocationChunk> chunks) {
    chunks.forEach(this::accept);
  }

  /**
   * Called once, just before the first chunk, with the model that serves the stream: with fallback
   * chains it may not be the one asked for.
   */
  default void serving(ModelId model) {}
}
