package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.chat.ChatStreamSink;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import java.util.Optional;

/**
 * Receives a streamed answer. {@link #admitted} comes first, once the request passed its key and
 * limits and before the model is called; then the model's events, as they arrive.
 */
public interface ConverseStreamObserver extends ChatStreamSink {
  void admitted(Optional<RateLimitStatus> rateLimit);
}
