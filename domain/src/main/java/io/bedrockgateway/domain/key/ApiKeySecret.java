package io.bedrockgateway.domain.key;

import java.util.Objects;

/** An API key exactly as a caller presented it. Never logged: {@link #toString()} hides it. */
public record ApiKeySecret(String value) {
  private static final int MAX_LENGTH = 512;

  public ApiKeySecret {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("an API key must be 1 to " + MAX_LENGTH + " characters");
    }
  }

  public KeyHash hash() {
    return KeyHash.of(value);
  }

  @Override
  public String toString() {
    return "ApiKeySecret[***]";
  }
}
