package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.image.GeneratedImages;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The answer, the caller's limit status, and the time spent waiting on the model. */
public record GenerateImageResult(
    GeneratedImages images, Optional<RateLimitStatus> rateLimit, Duration upstreamTime) {
  public GenerateImageResult {
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(upstreamTime, "upstreamTime");
  }
}
