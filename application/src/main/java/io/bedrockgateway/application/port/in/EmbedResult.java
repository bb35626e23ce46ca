package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.embedding.EmbeddingResult;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The answer, the caller's limit status, and the time spent waiting on the model. */
public record EmbedResult(
    EmbeddingResult embeddings, Optional<RateLimitStatus> rateLimit, Duration upstreamTime) {
  public EmbedResult {
    Objects.requireNonNull(embeddings, "embeddings");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(upstreamTime, "upstreamTime");
  }
}
