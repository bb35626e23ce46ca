package io.bedrockgateway.domain.chat;

/**
 * Tokens a model read and wrote for one request, as Bedrock counts them: {@code inputTokens} are
 * the prompt tokens read without the prompt cache; {@code cacheReadInputTokens} those read from it
 * and {@code cacheWriteInputTokens} those written to it, each priced at its own rate. Reasoning a
 * model did is part of {@code outputTokens}.
 */
public record TokenUsage(
    long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens) {
  public static final TokenUsage NONE = new TokenUsage(0, 0);

  public TokenUsage {
    if (inputTokens < 0
        || outputTokens < 0
        || cacheReadInputTokens < 0
        || cacheWriteInputTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
  }

  /** Usage without the prompt cache. */
  public TokenUsage(long inputTokens, long outputTokens) {
    this(inputTokens, outputTokens, 0, 0);
  }

  /** Every token the request used, cached ones included: what token limits count. */
  public long totalTokens() {
    return Math.addExact(
        Math.addExact(inputTokens, outputTokens),
        Math.addExact(cacheReadInputTokens, cacheWriteInputTokens));
  }
}
