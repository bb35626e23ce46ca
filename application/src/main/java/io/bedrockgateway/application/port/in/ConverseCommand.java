package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.RequestContext;
import java.util.Objects;

/** A chat turn to answer for an authenticated caller. */
public record ConverseCommand(Principal caller, ChatRequest request, RequestContext context) {
  public ConverseCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(context, "context");
  }
}
