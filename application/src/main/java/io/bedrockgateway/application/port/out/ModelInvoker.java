package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamSink;
import io.bedrockgateway.domain.chat.StreamSummary;

/**
 * Calls a model. Requests arrive with their model resolved. Failures surface as {@link
 * io.bedrockgateway.domain.error.GatewayException}s, never as a vendor's exceptions.
 */
public interface ModelInvoker {
  ChatResponse converse(ChatRequest request);

  /**
   * Streams the answer into {@code sink} as the events arrive and returns when the stream is over.
   * If the sink throws, the upstream call is cancelled and the exception propagates.
   */
  StreamSummary converseStream(ChatRequest request, ChatStreamSink sink);
}
