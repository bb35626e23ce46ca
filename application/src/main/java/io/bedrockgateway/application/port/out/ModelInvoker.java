package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamSink;
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.embedding.EmbeddingResult;
import io.bedrockgateway.domain.embedding.ImageEmbeddingRequest;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;
import io.bedrockgateway.domain.image.GeneratedImages;
import io.bedrockgateway.domain.image.ImageRequest;

/**
 * Calls a model along a {@link ModelRoute}: the preferred target first, its fallbacks when it is
 * throttled or unavailable, retrying only while nothing has reached the caller. Results name the
 * model that served them. Failures surface as {@link
 * io.bedrockgateway.domain.error.GatewayException}s, never as a vendor's exceptions.
 */
public interface ModelInvoker {
  ChatResponse converse(ModelRoute route, ChatRequest request);

  /**
   * Streams the answer into {@code sink} as the events arrive and returns when the stream is over.
   * If the sink throws, the upstream call is cancelled and the exception propagates.
   */
  StreamSummary converseStream(ModelRoute route, ChatRequest request, ChatStreamSink sink);

  /** One embedding per text, in order; fails as a whole if any text fails. */
  EmbeddingResult embedTexts(ModelRoute route, TextEmbeddingRequest request);

  EmbeddingResult embedImage(ModelRoute route, ImageEmbeddingRequest request);

  GeneratedImages generateImage(ModelRoute route, ImageRequest request);
}
