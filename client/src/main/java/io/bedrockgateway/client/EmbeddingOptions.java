package io.bedrockgateway.client;

/**
 * Options of an embedding; {@code model} null means the client's default (text or image) embedding
 * model, {@code dimensions} null the model's default.
 */
public record EmbeddingOptions(String model, Integer dimensions) {
  public static final EmbeddingOptions DEFAULTS = new EmbeddingOptions(null, null);

  public EmbeddingOptions {
    if (dimensions != null && (dimensions < 1 || dimensions > 8192)) {
      throw new IllegalArgumentException("dimensions must be 1..8192, was " + dimensions);
    }
  }
}
