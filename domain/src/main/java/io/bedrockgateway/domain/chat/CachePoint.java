package io.bedrockgateway.domain.chat;

/**
 * A prompt-cache checkpoint: the model may cache the prompt up to here (tools, then system, then
 * messages, in that order) and read it from the cache when a later request starts the same way. It
 * may stand among the tools, the system blocks and a message's content; Bedrock's {@code
 * {"cachePoint":{"type":"default"}}}, the one type there is.
 */
public record CachePoint() implements ContentBlock, SystemBlock, ToolConfig.Entry {}
