package io.bedrockgateway.domain.chat;

import java.util.Objects;
import java.util.regex.Pattern;

/** The names Bedrock accepts for tools and tool-use ids: 1 to 64 of [a-zA-Z0-9_-]. */
final class ToolName {
  private static final Pattern FORMAT = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  private ToolName() {}

  static String require(String field, String value) {
    Objects.requireNonNull(value, field);
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must be 1 to 64 of a-z, A-Z, 0-9, _ and -");
    }
    return value;
  }
}
