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
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

/**
 * Feeds one stream's events to the caller's sink, on the caller's thread, and sums up the stream
 * from its closing events. Events that arrived while the sink was busy go to it together, so it can
 * pass them on in one write. The end of the answer ({@code messageStop}) and the usage each lead a
 * batch of their own, so that what a sink whose client left is still owed (below) is decided as for
 * events given one by one.
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
          // what arrived while the sink was busy goes with it: at most the hand-off's window
          List<ChatStreamEvent> arrived = new ArrayList<>(1);
          int handled =
              handOff.takeArrived(
                  output,
                  StreamRelay::joinsABatch,
                  next -> ConverseResponseMapper.toStreamEvent(next).ifPresent(arrived::add));
          try {
            deliver(arrived);
          } catch (ClientCancelled gone) {
            if (stopped && !metadataSeen) {
              handOffMetadataAfterLeaving();
            }
            throw gone;
          }
          handOff.requestNext(handled);
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

  /** Every event but the end of the answer and the usage may join the events before it. */
  private static boolean joinsABatch(ConverseStreamOutput output) {
    return !(output instanceof MessageStopEvent || output instanceof ConverseStreamMetadataEvent);
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

  /** Takes note of how the stream ends, then gives the sink the events: one alone, or together. */
  private void deliver(List<ChatStreamEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    for (ChatStreamEvent event : events) {
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
    }
    if (!delivered) {
      sink.serving(model);
      delivered = true;
    }
    if (events.size() == 1) {
      sink.accept(events.getFirst());
    } else {
      sink.acceptEvents(events);
    }
  }
}
