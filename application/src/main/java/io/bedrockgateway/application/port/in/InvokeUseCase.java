package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.invoke.InvocationSummary;

/**
 * Invokes a model with a body in its own format for an API key (the Anthropic Messages and
 * Bedrock-native surfaces), through the same steps as chat: the key's allowed models, one admission
 * against its limits (token limits reserve the prompt and {@code max_tokens}; a stream holds a
 * concurrent-stream lease), the model call with retries and fallbacks only before the first byte,
 * the settlement of what it used, and one usage record with input, output, cache read and cache
 * write tokens.
 *
 * <p>Both methods throw a {@link io.bedrockgateway.domain.error.GatewayException} when the request
 * cannot be answered; for a stream, chunks may have been delivered before it.
 */
public interface InvokeUseCase {
  /** InvokeModel: the whole answer. */
  InvokeResult invoke(InvokeCommand command);

  /** InvokeModelWithResponseStream: the chunks, into the observer, as they arrive. */
  InvocationSummary stream(InvokeCommand command, InvokeStreamObserver observer);
}
