package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.embedding.EmbeddingResult;
import io.bedrockgateway.domain.embedding.ImageEmbeddingRequest;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;

/**
 * Embeds texts and images with a model along a {@link ModelRoute}, with the failover of {@link
 * ChatInvoker}. Failures surface as {@link io.bedrockgateway.domain.error.GatewayException}s.
 */
public interface EmbeddingInvoker {
  /** One embedding per text, in order; fails as a whole if any text fails. */
  EmbeddingResult embedTexts(ModelRoute route, TextEmbeddingRequest request);

  EmbeddingResult embedImage(ModelRoute route, ImageEmbeddingRequest request);
}
