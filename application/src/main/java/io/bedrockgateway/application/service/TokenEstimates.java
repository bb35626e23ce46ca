package io.bedrockgateway.application.service;

import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.TokenEstimate;
import io.bedrockgateway.domain.chat.TokenUsage;

/**
 * Token counts guessed from text ({@link TokenEstimate}: by the UTF-8 length of each character, so
 * that Chinese, Japanese or emoji count at least a token each), for what must be known before, or
 * without, the model's own count: reservations, and streams cut short.
 */
final class TokenEstimates {
  private TokenEstimates() {}

  /**
   * The most a request can use: its prompt, and the output it may produce. A prompt with a cache
   * point is reckoned as written to the cache, which costs at least what reading it uncached does.
   */
  static TokenUsage ceiling(ChatRequest request, int outputTokensToReserve) {
    long output = request.parameters().maxTokens().orElse(outputTokensToReserve);
    long prompt = request.estimatedPromptTokens();
    return request.usesPromptCache()
        ? new TokenUsage(0, output, 0, prompt)
        : new TokenUsage(prompt, output);
  }

  /**
   * What a request used when it ended before the model reported its count: its prompt, and the
   * output delivered until then (weighed in quarter tokens by {@link TokenEstimate#quarters}).
   */
  static TokenUsage produced(ChatRequest request, long outputQuarters) {
    return new TokenUsage(request.estimatedPromptTokens(), TokenEstimate.tokens(outputQuarters));
  }

  /** Characters as tokens, at four characters a token: for embeddings' reservations. */
  static long tokens(long characters) {
    return (characters + 3) / 4;
  }
}
