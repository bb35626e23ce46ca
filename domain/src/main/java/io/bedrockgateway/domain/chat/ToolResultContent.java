package io.bedrockgateway.domain.chat;

/** One piece of what a tool returned. */
public sealed interface ToolResultContent permits TextBlock, JsonBlock, ImageBlock, DocumentBlock {}
