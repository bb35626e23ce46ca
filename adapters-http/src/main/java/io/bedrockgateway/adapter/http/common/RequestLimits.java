package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.adapter.http.HttpSettings;

/**
 * The bounds every request body is read within, besides the byte limit of {@link
 * HttpSettings#maxRequestBytes()}. A body past one of them is refused with a 400 that names the
 * field and the limit; none of them is near what a real client sends (Bedrock's own limits, e.g. 20
 * images per request, are lower), they only keep a hostile body from costing the gateway more than
 * its bytes.
 */
public final class RequestLimits {
  /** How deep arrays and objects may nest, counting the body itself. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** Digits (and sign, point, exponent) of one number. */
  public static final int MAX_NUMBER_LENGTH = 100;

  /**
   * Characters of one string: base64 of the largest image or document Bedrock takes (4.5 MB, 6 MB
   * encoded) fits with room to spare.
   */
  public static final int MAX_STRING_LENGTH = 8_000_000;

  /** Characters of one field name. */
  public static final int MAX_NAME_LENGTH = 1_000;

  /** JSON tokens (braces, names, values) in one body. */
  public static final long MAX_TOKEN_COUNT = 1_000_000;

  /**
   * The largest power of ten a number may carry (in either direction), e.g. {@code 1e1000}; beyond
   * a double's range the number is refused anyway.
   */
  public static final int MAX_NUMBER_SCALE = 1_000;

  /** Messages in one conversation. */
  public static final int MAX_MESSAGES = 1_000;

  /** Content blocks in one message, and blocks in one tool result. */
  public static final int MAX_CONTENT_BLOCKS = 1_000;

  /** Tools in one {@code tool_config}. */
  public static final int MAX_TOOLS = 1_000;

  /** Models in one key's {@code allowed_models}. */
  public static final int MAX_ALLOWED_MODELS = 1_000;

  private RequestLimits() {}
}
