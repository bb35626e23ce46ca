package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.invoke.InvocationBody;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.RequestContext;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A model invocation to run for an authenticated caller: a body in the model's own format
 * (Bedrock's InvokeModel; for Claude, Anthropic's Messages request with {@code anthropic_version}),
 * passed to the model as it is.
 *
 * @param model the model as the caller named it: a Bedrock model or inference-profile id or ARN, or
 *     a catalogue alias
 * @param maxTokens the most output the body lets the model produce (its {@code max_tokens}), which
 *     token limits reserve until the request settles; when absent, the gateway's default
 *     reservation ({@code OUTPUT_TOKENS_TO_RESERVE}'s)
 */
public record InvokeCommand(
    Principal caller,
    ModelId model,
    InvocationBody body,
    OptionalInt maxTokens,
    RequestContext context) {
  /** The most output a request may reserve: far above any model's. */
  public static final int MAX_TOKENS_LIMIT = 1_000_000;

  public InvokeCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(maxTokens, "maxTokens");
    Objects.requireNonNull(context, "context");
    maxTokens.ifPresent(
        tokens -> {
          if (tokens < 1 || tokens > MAX_TOKENS_LIMIT) {
            throw new IllegalArgumentException(
                "max_tokens must be from 1 to " + MAX_TOKENS_LIMIT + ", not " + tokens);
          }
        });
  }
}
