package io.bedrockgateway.client;

import java.util.Set;

/**
 * Options of an image generation; {@code null} leaves an option to its default. {@code model} null
 * means the client's default image model. Sizes 256..2048 (default 1024), {@code quality} standard
 * or premium, 1..5 images.
 */
public record ImageOptions(
    String model,
    Integer width,
    Integer height,
    String quality,
    String negativePrompt,
    Long seed,
    Integer numberOfImages) {
  public static final ImageOptions DEFAULTS =
      new ImageOptions(null, null, null, null, null, null, null);
  private static final Set<String> QUALITIES = Set.of("standard", "premium");

  public ImageOptions {
    requireSide("width", width);
    requireSide("height", height);
    if (quality != null && !QUALITIES.contains(quality)) {
      throw new IllegalArgumentException("quality must be standard or premium, was " + quality);
    }
    if (numberOfImages != null && (numberOfImages < 1 || numberOfImages > 5)) {
      throw new IllegalArgumentException("numberOfImages must be 1..5, was " + numberOfImages);
    }
    if (seed != null && seed < 0) {
      throw new IllegalArgumentException("seed must not be negative");
    }
  }

  public ImageOptions withModel(String newModel) {
    return new ImageOptions(newModel, width, height, quality, negativePrompt, seed, numberOfImages);
  }

  public ImageOptions withSize(int newWidth, int newHeight) {
    return new ImageOptions(
        model, newWidth, newHeight, quality, negativePrompt, seed, numberOfImages);
  }

  public ImageOptions withNumberOfImages(int count) {
    return new ImageOptions(model, width, height, quality, negativePrompt, seed, count);
  }

  public ImageOptions withSeed(long newSeed) {
    return new ImageOptions(model, width, height, quality, negativePrompt, newSeed, numberOfImages);
  }

  int widthOrDefault() {
    return width == null ? 1024 : width;
  }

  int heightOrDefault() {
    return height == null ? 1024 : height;
  }

  private static void requireSide(String name, Integer value) {
    if (value != null && (value < 256 || value > 2048)) {
      throw new IllegalArgumentException(name + " must be 256..2048, was " + value);
    }
  }
}
