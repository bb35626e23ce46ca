package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.UpstreamTimeout;
import io.bedrockgateway.domain.invoke.InvocationChunk;
import io.bedrockgateway.domain.invoke.InvocationStreamSink;
import io.bedrockgateway.domain.invoke.InvocationSummary;
import io.bedrockgateway.domain.invoke.StreamUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.ResponseStream;

/**
 * Feeds the chunks of one InvokeModelWithResponseStream call to the caller's sink, on the caller's
 * thread, each with the usage read from it so far. A sink that throws (its client left) stops the
 * stream at once; Bedrock's usage comes in the chunks themselves, so nothing is waited for after.
 * Chunks that arrived while the sink was busy go to it together, so it can pass them on in one
 * write.
 */
final class ChunkRelay {
  private final StreamHandOff<ResponseStream> handOff;
  private final InvocationStreamSink sink;
  private final Duration idleTimeout;
  private final ModelId model;
  private final InvocationUsage.Reader usage = new InvocationUsage.Reader();

  private Optional<StreamUsage> reported = Optional.empty();
  private boolean delivered;

  ChunkRelay(
      StreamHandOff<ResponseStream> handOff,
      InvocationStreamSink sink,
      Duration idleTimeout,
      ModelId model) {
    this.handOff = handOff;
    this.sink = sink;
    this.idleTimeout = idleTimeout;
    this.model = model;
  }

  /**
   * Returns once the stream completed; throws the sink's exception if the sink threw, a {@link
   * TargetFailure} if the upstream failed (which may be tried again only if no chunk was
   * delivered), and an {@link UpstreamTimeout} if it went quiet for longer than the idle timeout.
   */
  InvocationSummary relay() throws InterruptedException {
    while (true) {
      switch (handOff.awaitNext(idleTimeout)) {
        case StreamHandOff.Event(var output) -> {
          // what arrived while the sink was busy goes with it: at most the hand-off's window
          List<InvocationChunk> arrived = new ArrayList<>(1);
          int handled =
              handOff.takeArrived(
                  output,
                  any -> true,
                  next -> {
                    if (next instanceof PayloadPart part && part.bytes() != null) {
                      arrived.add(usage.read(part.bytes().asByteArray()));
                    }
                  });
          deliver(arrived);
          handOff.requestNext(handled);
        }
        case StreamHandOff.Completed<ResponseStream> ignored -> {
          return new InvocationSummary(model, reported);
        }
        case StreamHandOff.Failed<?> failed ->
            throw StreamHandOff.failure(failed, model, delivered);
        case StreamHandOff.IdleTimedOut<?> quiet ->
            throw StreamHandOff.failure(quiet, model, delivered);
      }
    }
  }

  /** Takes note of the usage reported so far, then gives the sink the chunks: one, or together. */
  private void deliver(List<InvocationChunk> chunks) {
    if (chunks.isEmpty()) {
      return;
    }
    for (InvocationChunk chunk : chunks) {
      if (chunk.usage().isPresent()) {
        reported = chunk.usage();
      }
    }
    if (!delivered) {
      sink.serving(model);
      delivered = true;
    }
    if (chunks.size() == 1) {
      sink.accept(chunks.getFirst());
    } else {
      sink.acceptChunks(chunks);
    }
  }
}
