package io.bedrockgateway.domain.key;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An API key exactly as a caller presented it. Never logged: {@link #toString()} hides it. */
public record ApiKeySecret(String value) {
  private static final int MAX_LENGTH = 512;
  private static final Pattern GENERATED = Pattern.compile("bgw_([A-Za-z0-9]{1,32})_[A-Za-z0-9]+");

  public ApiKeySecret {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("an API key must be 1 to " + MAX_LENGTH + " characters");
    }
  }

  public KeyHash hash() {
    return KeyHash.of(value);
  }

  /** The public id inside a key of the form {@code bgw_<keyId>_<secret>}, if it has that form. */
  public Optional<KeyId> embeddedKeyId() {
    Matcher generated = GENERATED.matcher(value);
    return generated.matches() ? Optional.of(new KeyId(generated.group(1))) : Optional.empty();
  }

  @Override
  public String toString() {
    return "ApiKeySecret[***]";
  }
}
