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

  public static Optional<ImageFormat> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(format -> format.wireName.equals(wireName)).findFirst();
  }
}
