package io.bedrockgateway.domain.chat;

/** Tokens a model read and wrote for one request. */
public record TokenUsage(long inputTokens, long outputTokens) {
  public static final TokenUsage NONE = new TokenUsage(0, 0);

  public TokenUsage {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
  }

  public long totalTokens() {
    return inputTokens + outputTokens;
  }
}
