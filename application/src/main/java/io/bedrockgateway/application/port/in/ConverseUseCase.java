package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.chat.StreamSummary;

/**
 * Answers a chat turn for an API key: authenticate, check the plan, admit against the key's limits,
 * call the model, settle the limits and record usage.
 *
 * <p>Both methods throw a {@link io.bedrockgateway.domain.error.GatewayException} when the request
 * cannot be answered; for a stream, events may have been delivered before it.
 */
public interface ConverseUseCase {
  ConverseResult converse(ConverseCommand command);

  StreamSummary stream(ConverseCommand command, ConverseStreamObserver observer);
}
