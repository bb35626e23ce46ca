package io.bedrockgateway.application.service;

import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.TokenUsage;

/**
 * Token counts guessed from text (about four characters a token), for what must be known before, or
 * without, the model's own count: reservations, and streams cut short.
 */
final class TokenEstimates {
  private TokenEstimates() {}

  /** The most a request can use: its prompt, and the output it may produce. */
  static TokenUsage ceiling(ChatRequest request, int outputTokensToReserve) {
    long output = request.parameters().maxTokens().orElse(outputTokensToReserve);
    return new TokenUsage(tokens(request.promptCharacters()), output);
  }

  /** What a request used when it ended before the model reported its count. */
  static TokenUsage produced(ChatRequest request, long outputCharacters) {
    return new TokenUsage(tokens(request.promptCharacters()), tokens(outputCharacters));
  }

  static long tokens(long characters) {
    return (characters + 3) / 4;
  }
}
