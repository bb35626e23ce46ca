package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.invoke.InvocationStreamSink;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import java.util.Optional;

/**
 * Receives a streamed invocation. {@link #admitted} comes first, once the request passed its key
 * and limits and before the model is called; then {@link #serving} with the model that answers, and
 * the model's chunks, as they arrive.
 */
public interface InvokeStreamObserver extends InvocationStreamSink {
  void admitted(Optional<RateLimitStatus> rateLimit);
}
