package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.usage.Operation;
import java.util.Objects;
import java.util.Optional;

/** A request refused at the edge: what it was for, its key if it sent one, and why. */
public record RejectedRequest(
    Optional<ApiKeySecret> apiKey,
    Operation operation,
    RequestContext context,
    GatewayException reason) {
  public RejectedRequest {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(reason, "reason");
  }
}
