package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The answer, the caller's limit status, and the time spent waiting on the model. */
public record ConverseResult(
    ChatResponse response, Optional<RateLimitStatus> rateLimit, Duration upstreamTime) {
  public ConverseResult {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(upstreamTime, "upstreamTime");
  }
}
