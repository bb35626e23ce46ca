package io.bedrockgateway.domain.image;

import java.util.Objects;
import java.util.Optional;

/** Images to generate from a text prompt. */
public record ImageRequest(
    String prompt,
    Optional<String> negativePrompt,
    int width,
    int height,
    ImageQuality quality,
    Optional<Long> seed,
    int count) {

  public static final int MIN_SIDE = 256;
  public static final int MAX_SIDE = 2048;
  public static final int DEFAULT_SIDE = 1024;
  public static final int MAX_IMAGES = 5;
  public static final int MAX_PROMPT_LENGTH = 10_000;

  public ImageRequest {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(negativePrompt, "negativePrompt");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(seed, "seed");
    if (prompt.isBlank() || prompt.length() > MAX_PROMPT_LENGTH) {
      throw new IllegalArgumentException(
          "prompt must be 1 to " + MAX_PROMPT_LENGTH + " characters, not blank");
    }
    if (negativePrompt.filter(String::isBlank).isPresent()) {
      throw new IllegalArgumentException("negative_prompt must not be blank");
    }
    requireSide("width", width);
    requireSide("height", height);
    if (count < 1 || count > MAX_IMAGES) {
      throw new IllegalArgumentException("number_of_images must be between 1 and " + MAX_IMAGES);
    }
    seed.ifPresent(
        value -> {
          if (value < 0 || value > 4_294_967_295L) {
            throw new IllegalArgumentException("seed must be between 0 and 4294967295");
          }
        });
  }

  private static void requireSide(String name, int value) {
    if (value < MIN_SIDE || value > MAX_SIDE) {
      throw new IllegalArgumentException(
          name + " must be between " + MIN_SIDE + " and " + MAX_SIDE);
    }
  }
}
