package io.bedrockgateway.emulator;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code "p"} field Bedrock adds to every event payload: a random-length prefix of a fixed
 * alphabet, so that the size of a frame does not reveal the size of its content.
 */
final class Padding {

  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private Padding() {}

  static String next() {
    return ALPHABET.substring(0, ThreadLocalRandom.current().nextInt(1, ALPHABET.length() + 1));
  }
}
