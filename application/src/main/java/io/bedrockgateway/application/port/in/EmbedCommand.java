package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.RequestContext;
import java.util.Objects;
import java.util.Optional;

/**
 * What to embed ({@code request} is a text or image embedding request), with which model (absent:
 * the default one), for an authenticated caller.
 */
public record EmbedCommand<R>(
    Principal caller, Optional<ModelId> model, R request, RequestContext context) {
  public EmbedCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(context, "context");
  }
}
