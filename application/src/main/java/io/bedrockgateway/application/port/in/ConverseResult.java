package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import java.util.Objects;
import java.util.Optional;

public record ConverseResult(ChatResponse response, Optional<RateLimitStatus> rateLimit) {
  public ConverseResult {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(rateLimit, "rateLimit");
  }
}
