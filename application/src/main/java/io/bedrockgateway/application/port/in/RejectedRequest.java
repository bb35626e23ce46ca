package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.usage.Operation;
import java.util.Objects;

/** A request of an authenticated caller refused at the edge: what it was for, and why. */
public record RejectedRequest(
    Principal caller, Operation operation, RequestContext context, GatewayException reason) {
  public RejectedRequest {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(reason, "reason");
  }
}
