package io.bedrockgateway.client;

/** Tokens a chat call used, as Bedrock counts them. */
public record Usage(
    int inputTokens,
    int outputTokens,
    int totalTokens,
    int cacheReadInputTokens,
    int cacheWriteInputTokens) {
  public static final Usage NONE = new Usage(0, 0, 0, 0, 0);

  public Usage {
    if (inputTokens < 0
        || outputTokens < 0
        || totalTokens < 0
        || cacheReadInputTokens < 0
        || cacheWriteInputTokens < 0) {
      throw new IllegalArgumentException("token counts are never negative");
    }
  }
}
