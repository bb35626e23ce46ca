package io.bedrockgateway.domain.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Facts about a request that are not part of what it asks for. */
public record RequestContext(
    RequestId requestId,
    Instant receivedAt,
    Optional<String> clientIp,
    Optional<String> userAgent) {
  public RequestContext {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(clientIp, "clientIp");
    Objects.requireNonNull(userAgent, "userAgent");
  }
}
