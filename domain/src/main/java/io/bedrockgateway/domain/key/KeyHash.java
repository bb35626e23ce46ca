package io.bedrockgateway.domain.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** The SHA-256 of a whole API key, in lower-case hex: the only form in which keys are stored. */
public record KeyHash(String hex) {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public KeyHash {
    Objects.requireNonNull(hex, "hex");
    if (!SHA256_HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("a key hash is 64 lower-case hex characters");
    }
  }

  public static KeyHash of(String plainKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(plainKey.getBytes(StandardCharsets.UTF_8));
      return new KeyHash(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK ships SHA-256", impossible);
    }
  }

  /** Compares in time independent of where the hashes differ. */
  public boolean matches(KeyHash other) {
    return MessageDigest.isEqual(
        hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "KeyHash[" + hex.substring(0, 8) + "…]";
  }
}
