package io.bedrockgateway.adapter.http.bedrock;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the gateway reads of an InvokeModel body, which it passes on unchanged: Anthropic's {@code
 * max_tokens}, the most output token limits reserve for it. Other models' bodies name it otherwise;
 * for them the gateway reserves its default.
 */
record InvokeBodyJson(@JsonProperty("max_tokens") Integer maxTokens) {}
