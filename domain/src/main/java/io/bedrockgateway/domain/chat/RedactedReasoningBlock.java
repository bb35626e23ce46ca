package io.bedrockgateway.domain.chat;

import io.bedrockgateway.domain.media.BinaryData;
import java.util.Objects;

/**
 * Reasoning the model provider encrypted before the gateway saw it: opaque bytes, passed back to
 * the model unchanged when the conversation continues.
 */
public record RedactedReasoningBlock(BinaryData data) implements ContentBlock {
  public RedactedReasoningBlock {
    Objects.requireNonNull(data, "data");
  }
}
