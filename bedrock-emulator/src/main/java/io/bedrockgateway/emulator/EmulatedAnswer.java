package io.bedrockgateway.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The emulator's answers, deterministic so that tests can assert the text they received.
 *
 * <p>An answer depends only on the text of the last user message (its text blocks joined with a
 * newline), with the {@code [emulator:...]} directives removed and whitespace normalized, and on
 * its length in tokens. Each token is a lower-case word followed by one space, and the emulator
 * streams it in its own {@code contentBlockDelta}. An answer of {@code n} tokens is the first
 * {@code n} tokens of every longer answer to the same text, so an answer cut by {@code maxTokens}
 * is a prefix of the full one.
 */
public final class EmulatedAnswer {

  /** The length of an answer when neither the settings nor the request ask for another. */
  public static final int DEFAULT_TOKENS = 24;

  private static final List<String> WORDS =
      List.of(
          "the", "a", "model", "answer", "stream", "token", "of", "and", "cloud", "river", "light",
          "data", "is", "to", "in", "bright", "calm", "fast", "green", "signal", "path", "north",
          "echo", "delta", "frame", "with", "from", "over", "under", "near", "blue", "small",
          "large", "open", "clear", "soft", "warm", "cold", "new", "old", "first", "last", "next",
          "each", "word", "line", "note", "page", "sky", "sea", "stone", "tree", "wind", "fire",
          "rain", "sun", "moon", "star", "road", "gate", "bridge", "tower", "field", "song");

  /** One character a token, as Japanese text comes from a model: kana and common kanji. */
  private static final List<String> JAPANESE =
      "日本語の答えは一文字ずつ流れます海山川空雨雪風花月星光明朝夜道町村人心手目耳口話書読見聞行来"
          .codePoints()
          .mapToObj(Character::toString)
          .toList();

  private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private EmulatedAnswer() {}

  /** The tokens of the answer, each a word followed by a space. */
  public static List<String> tokens(String lastUserText, int tokenCount) {
    if (tokenCount < 0) {
      throw new IllegalArgumentException("tokenCount must not be negative: " + tokenCount);
    }
    long seed = fnv1a(Directives.strip(lastUserText));
    return IntStream.range(0, tokenCount).mapToObj(index -> wordAt(seed, index) + " ").toList();
  }

  /**
   * The tokens of a Japanese answer ({@code [emulator:language=ja]}): one character each, no
   * spaces, so that an estimate of a quarter token a character would under-count it four times.
   */
  public static List<String> japaneseTokens(String lastUserText, int tokenCount) {
    if (tokenCount < 0) {
      throw new IllegalArgumentException("tokenCount must not be negative: " + tokenCount);
    }
    long seed = fnv1a(Directives.strip(lastUserText));
    return IntStream.range(0, tokenCount)
        .mapToObj(
            index ->
                JAPANESE.get(
                    (int)
                        Long.remainderUnsigned(
                            splitMix64(seed + GOLDEN_GAMMA * (index + 1)), JAPANESE.size())))
        .toList();
  }

  /** The text of the answer: its tokens concatenated. */
  public static String text(String lastUserText, int tokenCount) {
    return String.join("", tokens(lastUserText, tokenCount));
  }

  /** The text of an answer of {@value #DEFAULT_TOKENS} tokens. */
  public static String text(String lastUserText) {
    return text(lastUserText, DEFAULT_TOKENS);
  }

  private static String wordAt(long seed, int index) {
    long mixed = splitMix64(seed + GOLDEN_GAMMA * (index + 1));
    return WORDS.get((int) Long.remainderUnsigned(mixed, WORDS.size()));
  }

  private static long fnv1a(String text) {
    long hash = FNV_OFFSET_BASIS;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * FNV_PRIME;
    }
    return hash;
  }

  private static long splitMix64(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
