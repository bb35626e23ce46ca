package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.image.GeneratedImages;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import java.util.Objects;
import java.util.Optional;

public record GenerateImageResult(GeneratedImages images, Optional<RateLimitStatus> rateLimit) {
  public GenerateImageResult {
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(rateLimit, "rateLimit");
  }
}
