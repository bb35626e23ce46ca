package io.bedrockgateway.domain.invoke;

import io.bedrockgateway.domain.chat.TokenEstimate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The body of a Bedrock InvokeModel request, passed to the model as it is (for Claude, Anthropic's
 * Messages request with {@code anthropic_version}); the gateway reads it only to estimate what it
 * may cost. At most {@value #MAX_BYTES} bytes, Bedrock's own limit.
 */
public final class InvocationBody {
  public static final int MAX_BYTES = 25_000_000;

  /** What one image or document is reckoned at before the model counts it, as for chat. */
  static final long ATTACHMENT_TOKENS = 1_600;

  /** A JSON string this long or longer, of base64 characters only, is taken for an attachment. */
  static final int MIN_ATTACHMENT_CHARACTERS = 1_024;

  private static final byte[] CACHE_CONTROL =
      "\"cache_control\"".getBytes(StandardCharsets.US_ASCII);

  private final byte[] bytes;

  private InvocationBody(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * @throws IllegalArgumentException for an empty body, or one over {@value #MAX_BYTES} bytes
   */
  public static InvocationBody of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length == 0) {
      throw new IllegalArgumentException("the body must not be empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("the body must be at most " + MAX_BYTES + " bytes");
    }
    return new InvocationBody(bytes.clone());
  }

  /** A copy of the body's bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  /**
   * Whether the body marks a part of its prompt for the prompt cache: a {@code cache_control}
   * member (not the word in a text).
   */
  public boolean usesPromptCache() {
    for (int at = indexOf(CACHE_CONTROL, 0); at >= 0; at = indexOf(CACHE_CONTROL, at + 1)) {
      int next = at + CACHE_CONTROL.length;
      while (next < bytes.length && Character.isWhitespace(bytes[next])) {
        next++;
      }
      boolean member = next < bytes.length && bytes[next] == ':';
      if (member && (at == 0 || bytes[at - 1] != '\\')) {
        return true;
      }
    }
    return false;
  }

  /**
   * The prompt's tokens, guessed before the model counts them: the text of the body's JSON strings
   * ({@link TokenEstimate}), each long base64 string (an image or a document) counted as {@value
   * #ATTACHMENT_TOKENS} tokens, or as its decoded size in characters if that is more. Member names
   * and punctuation count too, which errs on the side of reserving more.
   */
  public long estimatedPromptTokens() {
    String json = new String(bytes, StandardCharsets.UTF_8);
    long quarters = 0;
    int index = 0;
    while (index < json.length()) {
      int open = json.indexOf('"', index);
      if (open < 0) {
        break;
      }
      int close = endOfString(json, open + 1);
      CharSequence value = json.subSequence(open + 1, close);
      quarters += isAttachment(value) ? attachmentQuarters(value) : TokenEstimate.quarters(value);
      index = close + 1;
    }
    return TokenEstimate.tokens(quarters);
  }

  private static int endOfString(String json, int from) {
    int index = from;
    while (index < json.length()) {
      char character = json.charAt(index);
      if (character == '\\') {
        index += 2;
      } else if (character == '"') {
        return index;
      } else {
        index++;
      }
    }
    return json.length();
  }

  private static boolean isAttachment(CharSequence value) {
    if (value.length() < MIN_ATTACHMENT_CHARACTERS) {
      return false;
    }
    for (int index = 0; index < value.length(); index++) {
      char character = value.charAt(index);
      boolean base64 =
          (character >= 'A' && character <= 'Z')
              || (character >= 'a' && character <= 'z')
              || (character >= '0' && character <= '9')
              || character == '+'
              || character == '/'
              || character == '=';
      if (!base64) {
        return false;
      }
    }
    return true;
  }

  private static long attachmentQuarters(CharSequence base64) {
    long decodedBytes = base64.length() / 4L * 3;
    return Math.max(ATTACHMENT_TOKENS * 4, decodedBytes);
  }

  private int indexOf(byte[] needle, int from) {
    outer:
    for (int start = from; start <= bytes.length - needle.length; start++) {
      for (int offset = 0; offset < needle.length; offset++) {
        if (bytes[start + offset] != needle[offset]) {
          continue outer;
        }
      }
      return start;
    }
    return -1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InvocationBody body && Arrays.equals(bytes, body.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "InvocationBody[" + bytes.length + " bytes]";
  }
}
