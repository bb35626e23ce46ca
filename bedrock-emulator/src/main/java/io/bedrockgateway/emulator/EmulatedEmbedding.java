package io.bedrockgateway.emulator;

import java.nio.charset.StandardCharsets;

/**
 * The emulator's embeddings, deterministic so that tests can assert them: a vector of the model's
 * length, seeded by the input text without its directives, scaled to unit length when asked.
 */
public final class EmulatedEmbedding {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private EmulatedEmbedding() {}

  public static float[] vector(String input, int dimensions, boolean normalize) {
    long seed = seed(Directives.strip(input));
    float[] vector = new float[dimensions];
    for (int index = 0; index < dimensions; index++) {
      long mixed = splitMix64(seed + GOLDEN_GAMMA * (index + 1));
      // 24 random bits as a value in [-1, 1)
      vector[index] = ((mixed >>> 40) / (float) (1 << 23)) - 1f;
    }
    return normalize ? normalized(vector) : vector;
  }

  private static float[] normalized(float[] vector) {
    double sumOfSquares = 0;
    for (float value : vector) {
      sumOfSquares += value * value;
    }
    float length = (float) Math.sqrt(sumOfSquares);
    float[] unit = new float[vector.length];
    for (int index = 0; index < vector.length; index++) {
      unit[index] = vector[index] / length;
    }
    return unit;
  }

  private static long seed(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    return hash;
  }

  private static long splitMix64(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
