package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ChatStreamSink;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.UpstreamFailed;
import io.bedrockgateway.domain.error.UpstreamTimeout;
import java.time.Duration;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;

/**
 * Feeds one stream's events to the caller's sink, on the caller's thread, and sums up the stream
 * from its closing events.
 *
 * <p>A client that leaves stops the stream at once (the sink throws {@link ClientCancelled}), so
 * the model stops generating what nobody reads. Only when it leaves after the model finished (at or
 * after {@code messageStop}), with the usage the sole event still to come, does the relay wait for
 * that event, briefly, and hand it to the sink before the cancellation goes on: the sink takes note
 * of the usage even though it can no longer deliver it.
 */
final class StreamRelay {
  /** How long a stream the client left may take to send its usage after the model finished. */
  static final Duration METADATA_GRACE = Duration.ofSeconds(2);

  private final StreamHandOff<ConverseStreamOutput> handOff;
  private final ChatStreamSink sink;
  private final Duration idleTimeout;
  private final ModelId model;

  private StopReason stopReason = StopReason.UNKNOWN;
  private TokenUsage usage = TokenUsage.NONE;
  private long latencyMs;
  private boolean delivered;
  private boolean stopped;
  private boolean metadataSeen;

  StreamRelay(
      StreamHandOff<ConverseStreamOutput> handOff,
      ChatStreamSink sink,
      Duration idleTimeout,
      ModelId model) {
    this.handOff = handOff;
    this.sink = sink;
    this.idleTimeout = idleTimeout;
    this.model = model;
  }

  /**
   * Returns once the stream completed; throws the sink's exception if the sink threw, a {@link
   * TargetFailure} if the upstream failed, and an {@link UpstreamTimeout} if it went quiet for
   * longer than the idle timeout.
   */
  StreamSummary relay() throws InterruptedException {
    while (true) {
      switch (handOff.awaitNext(idleTimeout)) {
        case StreamHandOff.Event(var output) -> {
          try {
            ConverseResponseMapper.toStreamEvent(output).ifPresent(this::deliver);
          } catch (ClientCancelled gone) {
            if (stopped && !metadataSeen) {
              handOffMetadataAfterLeaving();
            }
            throw gone;
          }
          handOff.requestNext();
        }
        case StreamHandOff.Completed ignored -> {
          if (!stopped) {
            throw new TargetFailure(
                new UpstreamFailed("Bedrock ended the stream for " + model + " before its end"),
                false,
                delivered);
          }
          return new StreamSummary(stopReason, usage, latencyMs, model);
        }
        case StreamHandOff.Failed<?> failed ->
            throw StreamHandOff.failure(failed, model, delivered);
        case StreamHandOff.IdleTimedOut<?> quiet ->
            throw StreamHandOff.failure(quiet, model, delivered);
      }
    }
  }

  /** Waits for the usage of a finished stream whose client left, and gives it to the sink. */
  private void handOffMetadataAfterLeaving() throws InterruptedException {
    long giveUpAt = System.nanoTime() + METADATA_GRACE.toNanos();
    handOff.requestNext();
    while (true) {
      Duration left = Duration.ofNanos(giveUpAt - System.nanoTime());
      if (left.isNegative() || left.isZero()) {
        return;
      }
      if (!(handOff.awaitNext(left) instanceof StreamHandOff.Event(var output))) {
        return;
      }
      if (ConverseResponseMapper.toStreamEvent(output).orElse(null)
          instanceof ChatStreamEvent.Metadata metadata) {
        try {
          sink.accept(metadata);
        } catch (ClientCancelled stillGone) {
          // the sink took note of the usage before it found the client gone
        }
        return;
      }
      handOff.requestNext();
    }
  }

  private void deliver(ChatStreamEvent event) {
    switch (event) {
      case ChatStreamEvent.MessageStop stop -> {
        stopReason = stop.stopReason();
        stopped = true;
      }
      case ChatStreamEvent.Metadata metadata -> {
        usage = metadata.usage();
        latencyMs = metadata.latencyMs();
        metadataSeen = true;
      }
      default -> {}
    }
    if (!delivered) {
      sink.serving(model);
      delivered = true;
    }
    sink.accept(event);
  }
}
