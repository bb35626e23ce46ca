package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.invoke.InvocationBody;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.RequestContext;
import java.util.Objects;

/**
 * The input tokens of a prompt to count for an authenticated caller, as the model would count them:
 * an InvokeModel body, or a conversation (Bedrock's CountTokens takes either).
 */
public record CountTokensCommand(
    Principal caller, ModelId model, Input input, RequestContext context) {

  /** What to count. */
  public sealed interface Input {}

  /** An InvokeModel body in the model's own format (for Claude, Anthropic's Messages request). */
  public record InvokeBody(InvocationBody body) implements Input {
    public InvokeBody {
      Objects.requireNonNull(body, "body");
    }
  }

  /** A conversation in Converse's terms: its messages, system prompt and tools. */
  public record Conversation(ChatRequest request) implements Input {
    public Conversation {
      Objects.requireNonNull(request, "request");
    }
  }

  public CountTokensCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(context, "context");
  }

  /** Counts an InvokeModel body. */
  public CountTokensCommand(
      Principal caller, ModelId model, InvocationBody body, RequestContext context) {
    this(caller, model, new InvokeBody(body), context);
  }
}
