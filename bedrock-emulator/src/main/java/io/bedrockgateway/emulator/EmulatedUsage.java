package io.bedrockgateway.emulator;

import java.util.Collection;

/** The emulator's token accounting, deterministic so that tests can assert the usage reported. */
public final class EmulatedUsage {

  private static final int CHARACTERS_PER_TOKEN = 4;

  private EmulatedUsage() {}

  /**
   * The input tokens of a request: one per four characters (rounded up, at least one) of all its
   * text, that is the {@code text} of every system block and of every message content block, as
   * sent (directives included).
   */
  public static int inputTokens(Collection<String> texts) {
    return Math.max(1, tokens(texts));
  }

  /** One token per four characters of the texts, rounded up; none for no text. */
  static int tokens(Collection<String> texts) {
    long characters = texts.stream().mapToLong(String::length).sum();
    long tokens = (characters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
    return Math.clamp(tokens, 0, Integer.MAX_VALUE);
  }
}
