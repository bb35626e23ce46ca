package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.embedding.EmbeddingResult;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import java.util.Objects;
import java.util.Optional;

public record EmbedResult(EmbeddingResult embeddings, Optional<RateLimitStatus> rateLimit) {
  public EmbedResult {
    Objects.requireNonNull(embeddings, "embeddings");
    Objects.requireNonNull(rateLimit, "rateLimit");
  }
}
