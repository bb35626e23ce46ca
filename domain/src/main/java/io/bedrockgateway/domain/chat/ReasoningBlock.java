package io.bedrockgateway.domain.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * The model's reasoning (extended thinking) before its answer: its text and, from models that sign
 * it (Claude), the signature that lets the model check the reasoning comes back unchanged. An
 * assistant turn of a conversation that continues after a tool call carries it back exactly as the
 * model gave it.
 *
 * @param text the reasoning; empty only when the model sent a signature alone
 * @param signature the model's opaque signature of the reasoning, if it gave one
 */
public record ReasoningBlock(String text, Optional<String> signature) implements ContentBlock {
  public ReasoningBlock {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(signature, "signature");
    if (signature.filter(String::isBlank).isPresent()) {
      throw new IllegalArgumentException("signature must not be blank");
    }
    if (text.isEmpty() && signature.isEmpty()) {
      throw new IllegalArgumentException("reasoning needs text or a signature");
    }
  }
}
