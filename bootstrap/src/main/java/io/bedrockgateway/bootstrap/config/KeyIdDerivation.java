package io.bedrockgateway.bootstrap.config;

import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.key.KeyId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives the public id of a configured key (one of {@code API_KEYS}) with a secret of the
 * server's: HMAC-SHA256 of the key. The id appears in logs, usage and metrics; without the secret
 * it tells nothing about the key, so nobody can test guesses of the key against it offline.
 */
public final class KeyIdDerivation {
  public static final int MIN_SECRET_LENGTH = 16;
  private static final String HMAC = "HmacSHA256";
  private static final int ID_BYTES = 8;

  private final SecretKeySpec secret;

  public KeyIdDerivation(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "the key id secret must be at least " + MIN_SECRET_LENGTH + " characters");
    }
    this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
  }

  /** A derivation with a fresh random secret: ids then hold for this process only. */
  public static KeyIdDerivation random(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return new KeyIdDerivation(Base64.getEncoder().encodeToString(bytes));
  }

  /** The id of {@code key}: 16 hex characters, the same for the same key and secret. */
  public KeyId idOf(ApiKeySecret key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(secret);
      byte[] digest = mac.doFinal(key.value().getBytes(StandardCharsets.UTF_8));
      return new KeyId(HexFormat.of().formatHex(digest, 0, ID_BYTES));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("every JDK ships HmacSHA256", impossible);
    }
  }

  @Override
  public String toString() {
    return "KeyIdDerivation[***]";
  }
}
