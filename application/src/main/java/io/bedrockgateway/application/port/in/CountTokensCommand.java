package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.invoke.InvocationBody;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.RequestContext;
import java.util.Objects;

/**
 * The input tokens of an InvokeModel body to count for an authenticated caller, as the model would
 * count them.
 */
public record CountTokensCommand(
    Principal caller, ModelId model, InvocationBody body, RequestContext context) {
  public CountTokensCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(context, "context");
  }
}
