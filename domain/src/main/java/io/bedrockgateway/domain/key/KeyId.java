package io.bedrockgateway.domain.key;

import java.util.Objects;
import java.util.regex.Pattern;

/** The public identifier of an API key: safe in logs, metrics, usage records and key names. */
public record KeyId(String value) {
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9]{1,32}");

  public KeyId {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a key id is 1 to 32 letters or digits");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
