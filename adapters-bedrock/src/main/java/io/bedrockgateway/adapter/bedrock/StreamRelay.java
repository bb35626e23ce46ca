package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ChatStreamSink;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.UpstreamFailed;
import io.bedrockgateway.domain.error.UpstreamTimeout;
import java.time.Duration;

/**
 * Feeds one stream's events to the caller's sink, on the caller's thread, and sums up the stream
 * from its closing events.
 */
final class StreamRelay {

  private final StreamHandOff handOff;
  private final ChatStreamSink sink;
  private final Duration idleTimeout;
  private final ModelId model;

  private StopReason stopReason = StopReason.UNKNOWN;
  private TokenUsage usage = TokenUsage.NONE;
  private long latencyMs;
  private boolean delivered;
  private boolean stopped;

  StreamRelay(StreamHandOff handOff, ChatStreamSink sink, Duration idleTimeout, ModelId model) {
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
          ConverseResponseMapper.toStreamEvent(output).ifPresent(this::deliver);
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
        case StreamHandOff.Failed(var cause) ->
            throw BedrockErrorTranslator.translate(cause, model).afterCommit(delivered);
        case StreamHandOff.IdleTimedOut(var timeout) ->
            throw new UpstreamTimeout(
                "Bedrock sent nothing for "
                    + timeout.toMillis()
                    + " ms on the stream for "
                    + model);
      }
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
