package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamSink;
import io.bedrockgateway.domain.chat.StreamSummary;

/**
 * Chats with a model along a {@link ModelRoute}: the preferred target first, its fallbacks when it
 * is throttled or unavailable, retrying only while nothing has reached the caller. Results name the
 * model that served them. Failures surface as {@link
 * io.bedrockgateway.domain.error.GatewayException}s, never as a vendor's exceptions.
 */
public interface ChatInvoker {
  ChatResponse converse(ModelRoute route, ChatRequest request);

  /**
   * Streams the answer into {@code sink} as the events arrive and returns when the stream is over.
   * If the sink throws, the upstream call is cancelled and the exception propagates.
   */
  StreamSummary converseStream(ModelRoute route, ChatRequest request, ChatStreamSink sink);

  /** The input tokens the model counts in the conversation (Bedrock's CountTokens). */
  long countTokens(ModelRoute route, ChatRequest request);
}
