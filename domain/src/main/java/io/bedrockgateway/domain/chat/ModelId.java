package io.bedrockgateway.domain.chat;

import java.util.Objects;

/** A Bedrock model id, inference-profile id or ARN, as the caller named it. */
public record ModelId(String value) {
  private static final int MAX_LENGTH = 2048;

  public ModelId {
    Objects.requireNonNull(value, "model id");
    if (value.isBlank() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("model id must be 1 to " + MAX_LENGTH + " characters");
    }
    if (value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("model id must not contain white space");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
