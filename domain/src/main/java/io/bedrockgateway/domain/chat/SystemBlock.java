package io.bedrockgateway.domain.chat;

/** One piece of the system prompt: text, or a prompt-cache checkpoint. */
public sealed interface SystemBlock permits TextBlock, CachePoint {}
