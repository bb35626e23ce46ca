package io.bedrockgateway.adapter.http.console;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** One file of the console, with the strong ETag of its bytes. */
record ConsoleAsset(byte[] bytes, String contentType, String etag) {
  ConsoleAsset {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(etag, "etag");
  }

  static ConsoleAsset of(byte[] bytes, String contentType) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return new ConsoleAsset(
          bytes, contentType, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK has SHA-256", impossible);
    }
  }
}
