package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ModelId;
import java.util.OptionalLong;

/**
 * Counts the input tokens of a chat request as the model itself would (Bedrock's CountTokens), for
 * the models that can: the prompt of a stream that ended before the model reported its usage. It
 * never fails: a model that cannot count, or a count that fails or takes too long, gives nothing.
 */
@FunctionalInterface
public interface TokenCounter {
  /** Counts nothing: the estimate stands. */
  TokenCounter NONE = (model, request) -> OptionalLong.empty();

  OptionalLong inputTokens(ModelId model, ChatRequest request);
}
