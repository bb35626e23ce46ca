package io.bedrockgateway.client;

import java.util.List;

/** The guard clauses the embedding calls share, on both paths. */
final class Texts {
  static final int MAX_BATCH = 100;

  private Texts() {}

  static void requireBatch(List<String> texts) {
    if (texts == null || texts.isEmpty() || texts.size() > MAX_BATCH) {
      throw new IllegalArgumentException("texts: 1.." + MAX_BATCH + " texts");
    }
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null || texts.get(i).isBlank()) {
        throw new IllegalArgumentException("texts[" + i + "] must not be blank");
      }
    }
  }

  static void requireImage(byte[] image) {
    if (image == null || image.length == 0) {
      throw new IllegalArgumentException("image: the image's bytes are required");
    }
  }
}
