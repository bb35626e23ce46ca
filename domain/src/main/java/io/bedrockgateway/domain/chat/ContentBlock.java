package io.bedrockgateway.domain.chat;

/** One piece of a chat turn. */
public sealed interface ContentBlock
    permits TextBlock,
        ImageBlock,
        DocumentBlock,
        ToolUseBlock,
        ToolResultBlock,
        CachePoint,
        ReasoningBlock,
        RedactedReasoningBlock,
        RemoteImageBlock {}
