package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.embedding.ImageEmbeddingRequest;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;

/**
 * Embeds texts or an image for an API key, through the same key, plan, limit and usage steps as
 * chat. Throws a {@link io.bedrockgateway.domain.error.GatewayException} when it cannot.
 */
public interface EmbedUseCase {
  /** One text; the request must hold exactly one. */
  EmbedResult embedText(EmbedCommand<TextEmbeddingRequest> command);

  /** Up to {@value TextEmbeddingRequest#MAX_TEXTS} texts, embedded in order. */
  EmbedResult embedTexts(EmbedCommand<TextEmbeddingRequest> command);

  EmbedResult embedImage(EmbedCommand<ImageEmbeddingRequest> command);
}
