package io.bedrockgateway.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;

/**
 * A Claude model's extended thinking, deterministic: a few tokens about the last user message,
 * within the thinking budget, and a signature of them that a later request must send back
 * unchanged.
 *
 * @param tokens the reasoning, one token per delta; empty when thinking is off
 */
record EmulatedReasoning(List<String> tokens) {

  /** The reasoning of an answer is at most this many tokens, within the thinking budget. */
  static final int THINKING_TOKENS = 8;

  static final EmulatedReasoning NONE = new EmulatedReasoning(List.of());

  EmulatedReasoning {
    tokens = List.copyOf(tokens);
  }

  static EmulatedReasoning of(ConverseRequest request, OptionalInt thinkingBudget) {
    if (thinkingBudget.isEmpty()) {
      return NONE;
    }
    return new EmulatedReasoning(
        EmulatedAnswer.tokens(
            "reasoning about " + request.lastUserText(),
            Math.min(THINKING_TOKENS, thinkingBudget.getAsInt())));
  }

  boolean isEmpty() {
    return tokens.isEmpty();
  }

  String text() {
    return String.join("", tokens);
  }

  String signature() {
    return signatureOf(text());
  }

  /** The signature the emulator gives a reasoning text: opaque, like Bedrock's, and checkable. */
  static String signatureOf(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
