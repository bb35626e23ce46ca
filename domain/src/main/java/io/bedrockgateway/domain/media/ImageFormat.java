package io.bedrockgateway.domain.media;

import java.util.Arrays;
import java.util.Optional;

/** The image formats a chat turn may carry. */
public enum ImageFormat {
  PNG("png"),
  JPEG("jpeg"),
  GIF("gif"),
  WEBP("webp");

  private final String wireName;

  ImageFormat(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /**
   * The format {@code bytes} are in, read from their first bytes (PNG's signature, JPEG's start of
   * image, {@code GIF87a}/{@code GIF89a}, a RIFF {@code WEBP} container), whatever a server said
   * they were; empty when they are none of these.
   */
  public static Optional<ImageFormat> detect(byte[] bytes) {
    if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, 0, 'G', 'I', 'F', '8', '7', 'a')
        || startsWith(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return Optional.of(GIF);
    }
    if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int offset, int... expected) {
    if (bytes.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  public static Optional<ImageFormat> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(format -> format.wireName.equals(wireName)).findFirst();
  }
}
