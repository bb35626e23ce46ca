package io.bedrockgateway.adapter.http.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The operator's token for the admin API, separate from every API key. Only its SHA-256 is kept,
 * and a presented token is compared by digest in constant time, so neither its content nor its
 * length leaks through timing. Never printed.
 */
public final class AdminToken {
  public static final int MIN_LENGTH = 16;

  private final byte[] digest;

  private AdminToken(byte[] digest) {
    this.digest = digest;
  }

  public static AdminToken of(String token) {
    Objects.requireNonNull(token, "token");
    if (token.strip().length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "the admin token must be at least " + MIN_LENGTH + " characters");
    }
    return new AdminToken(sha256(token.strip()));
  }

  boolean matches(String presented) {
    return MessageDigest.isEqual(digest, sha256(presented));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK ships SHA-256", impossible);
    }
  }

  @Override
  public String toString() {
    return "AdminToken[***]";
  }
}
