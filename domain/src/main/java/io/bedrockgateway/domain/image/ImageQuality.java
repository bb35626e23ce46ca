package io.bedrockgateway.domain.image;

import java.util.Arrays;
import java.util.Optional;

public enum ImageQuality {
  STANDARD("standard"),
  PREMIUM("premium");

  private final String wireName;

  ImageQuality(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ImageQuality> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(quality -> quality.wireName.equals(wireName)).findFirst();
  }
}
