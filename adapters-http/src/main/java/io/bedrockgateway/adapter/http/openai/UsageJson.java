package io.bedrockgateway.adapter.http.openai;

import io.bedrockgateway.domain.chat.TokenUsage;

/**
 * Bedrock's token usage in OpenAI's words: the prompt counts every input token, those read from and
 * written to the prompt cache included, and the tokens read from it are the cached ones.
 */
final class UsageJson {
  private UsageJson() {}

  static long promptTokens(TokenUsage usage) {
    return Math.addExact(
        usage.inputTokens(),
        Math.addExact(usage.cacheReadInputTokens(), usage.cacheWriteInputTokens()));
  }

  static ChatJson.Usage chat(TokenUsage usage) {
    return new ChatJson.Usage(
        promptTokens(usage),
        usage.outputTokens(),
        usage.totalTokens(),
        new ChatJson.PromptTokensDetails(usage.cacheReadInputTokens()));
  }
}
