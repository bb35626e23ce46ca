package io.bedrockgateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The image generation models the emulator serves on InvokeModel; they draw real PNGs. */
final class ImageModels {
  static final int DEFAULT_SIDE = 1024;
  private static final int MIN_SIDE = 256;
  private static final int MAX_SIDE = 2048;
  private static final int SIDE_STEP = 16;
  private static final int MAX_IMAGES = 5;

  /** The size Stability draws each aspect ratio at. */
  static final Map<String, int[]> STABILITY_SIZES =
      Map.of(
          "1:1", new int[] {1024, 1024},
          "16:9", new int[] {1344, 768},
          "21:9", new int[] {1536, 640},
          "2:3", new int[] {832, 1216},
          "3:2", new int[] {1216, 832},
          "4:5", new int[] {896, 1088},
          "5:4", new int[] {1088, 896},
          "9:16", new int[] {768, 1344},
          "9:21", new int[] {640, 1536});

  private ImageModels() {}

  static Optional<InvokeAnswer.Model> forBaseModel(String base) {
    if (base.startsWith("amazon.titan-image-generator") || base.startsWith("amazon.nova-canvas")) {
      return Optional.of(new TextImage());
    }
    if (base.startsWith("stability.")) {
      return Optional.of(new Stability());
    }
    return Optional.empty();
  }

  private static String png(String prompt, int width, int height, int index) {
    return Base64.getEncoder().encodeToString(EmulatedImage.png(prompt, width, height, index));
  }

  /** Titan Image Generator and Nova Canvas: the TEXT_IMAGE task. */
  private record TextImage() implements InvokeAnswer.Model {
    @Override
    public String text(JsonNode request) {
      return request.path("textToImageParams").path("text").asText("");
    }

    @Override
    public InvokeAnswer answer(JsonNode request) {
      if (!request.path("taskType").asText("").equals("TEXT_IMAGE")) {
        throw InvokeAnswer.malformed("#/taskType: the emulator draws TEXT_IMAGE tasks only");
      }
      String prompt = InvokeAnswer.requiredText(request.path("textToImageParams"), "text");
      JsonNode config = request.path("imageGenerationConfig");
      int count = InvokeAnswer.number(config, "numberOfImages", 1);
      int width = side(config, "width");
      int height = side(config, "height");
      if (count < 1 || count > MAX_IMAGES) {
        throw InvokeAnswer.malformed("#/imageGenerationConfig/numberOfImages: must be 1 to 5");
      }
      List<String> images = new ArrayList<>();
      for (int index = 0; index < count; index++) {
        images.add(png(prompt, width, height, index));
      }
      return new InvokeAnswer(
          Map.of("images", images), EmulatedUsage.inputTokens(List.of(prompt)), 0);
    }

    private static int side(JsonNode config, String field) {
      int value = InvokeAnswer.number(config, field, DEFAULT_SIDE);
      if (value < MIN_SIDE || value > MAX_SIDE || value % SIDE_STEP != 0) {
        throw InvokeAnswer.malformed(
            "#/imageGenerationConfig/"
                + field
                + ": must be a multiple of "
                + SIDE_STEP
                + " from "
                + MIN_SIDE
                + " to "
                + MAX_SIDE);
      }
      return value;
    }
  }

  /** Stability AI: one image a call, sized by aspect ratio. */
  private record Stability() implements InvokeAnswer.Model {
    @Override
    public String text(JsonNode request) {
      return request.path("prompt").asText("");
    }

    @Override
    public InvokeAnswer answer(JsonNode request) {
      String prompt = InvokeAnswer.requiredText(request, "prompt");
      String ratio = request.path("aspect_ratio").asText("1:1");
      int[] size = STABILITY_SIZES.get(ratio);
      if (size == null) {
        throw InvokeAnswer.malformed("#/aspect_ratio: " + ratio + " is not a valid enum value");
      }
      String format = request.path("output_format").asText("png");
      if (!format.equals("png")) {
        throw InvokeAnswer.malformed("#/output_format: the emulator draws png only");
      }
      long seed = request.path("seed").asLong(0);
      return new InvokeAnswer(
          Map.of(
              "seeds", List.of(seed),
              "finish_reasons", Collections.singletonList(null),
              "images", List.of(png(prompt + "#" + seed, size[0], size[1], 0))),
          EmulatedUsage.inputTokens(List.of(prompt)),
          0);
    }
  }
}
