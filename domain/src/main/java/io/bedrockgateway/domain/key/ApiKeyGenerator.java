package io.bedrockgateway.domain.key;

import java.security.SecureRandom;

/** Makes new API keys of the form {@code bgw_<keyId>_<secret>}, the secret 256 random bits. */
public final class ApiKeyGenerator {
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int KEY_ID_LENGTH = 12;
  // 43 base62 characters carry more than 256 bits.
  private static final int SECRET_LENGTH = 43;

  private final SecureRandom random;

  public ApiKeyGenerator(SecureRandom random) {
    this.random = random;
  }

  public ApiKeySecret generate() {
    return new ApiKeySecret("bgw_" + base62(KEY_ID_LENGTH) + "_" + base62(SECRET_LENGTH));
  }

  private String base62(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(BASE62.charAt(random.nextInt(BASE62.length())));
    }
    return out.toString();
  }
}
