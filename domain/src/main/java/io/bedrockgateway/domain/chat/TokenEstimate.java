package io.bedrockgateway.domain.chat;

/**
 * Token counts guessed from text, for what must be known before, or without, the model's own count:
 * reservations, and streams cut short before the model reported its usage.
 *
 * <p>Tokenizers work on UTF-8 bytes, and the more bytes a character takes, the fewer characters a
 * token holds. So each code point counts by the length of its UTF-8 encoding: a quarter of a token
 * for ASCII (about four characters a token, the usual rate of English and code), half a token for
 * the two-byte scripts (accented Latin, Greek, Cyrillic, Hebrew, Arabic, ...), and a whole token
 * for everything else: Chinese, Japanese and Korean characters, Thai and Indic scripts, symbols,
 * and every code point of an emoji (an emoji with a modifier or a joiner counts several). That is
 * at least one token for every CJK character or emoji, where characters divided by four would
 * under-count such text four to eight times; for most models it over-counts them a little instead.
 */
public final class TokenEstimate {
  private static final int QUARTERS_PER_TOKEN = 4;

  private TokenEstimate() {}

  /** The tokens of {@code text}, rounded up; none for no text. */
  public static long of(CharSequence text) {
    return tokens(quarters(text));
  }

  /** The text's weight in quarter tokens, to add up several texts before rounding. */
  public static long quarters(CharSequence text) {
    long quarters = 0;
    for (int index = 0; index < text.length(); ) {
      int codePoint = Character.codePointAt(text, index);
      index += Character.charCount(codePoint);
      quarters += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : QUARTERS_PER_TOKEN;
    }
    return quarters;
  }

  /** Quarter tokens as tokens, rounded up. */
  public static long tokens(long quarters) {
    return (quarters + QUARTERS_PER_TOKEN - 1) / QUARTERS_PER_TOKEN;
  }
}
