package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.invoke.InvocationResponse;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The model's answer as it sent it, the caller's limit status, and the time spent on the model. */
public record InvokeResult(
    InvocationResponse response, Optional<RateLimitStatus> rateLimit, Duration upstreamTime) {
  public InvokeResult {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(upstreamTime, "upstreamTime");
  }
}
