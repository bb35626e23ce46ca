package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.error.UpstreamRejected;
import io.bedrockgateway.domain.image.ImageRequest;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Stability AI models (Stable Image Ultra and Core, SD3.5 Large): one PNG a call, sized by an
 * aspect ratio rather than pixels, so the ratio nearest the requested width and height is asked
 * for. Several images take several calls, with consecutive seeds when a seed is given. Only SD3.5
 * takes a negative prompt; the others are sent none.
 */
record StabilityImageGenerator(boolean sd3) implements ImageGenerator {
  private static final Map<String, Double> ASPECT_RATIOS =
      Map.of(
          "21:9", 21.0 / 9,
          "16:9", 16.0 / 9,
          "3:2", 3.0 / 2,
          "5:4", 5.0 / 4,
          "1:1", 1.0,
          "4:5", 4.0 / 5,
          "2:3", 2.0 / 3,
          "9:16", 9.0 / 16,
          "9:21", 9.0 / 21);

  @Override
  public List<Integer> imagesPerCall(ImageRequest request) {
    return Collections.nCopies(request.count(), 1);
  }

  @Override
  public byte[] body(ImageRequest request, int call, int images) {
    return InvokeJson.object(
        json -> {
          InvokeJson.field(json, "prompt", request.prompt());
          request
              .negativePrompt()
              .ifPresent(text -> InvokeJson.field(json, "negative_prompt", text));
          InvokeJson.field(json, "aspect_ratio", aspectRatio(request.width(), request.height()));
          InvokeJson.field(json, "output_format", "png");
          request.seed().ifPresent(seed -> InvokeJson.field(json, "seed", seed + call));
          if (sd3) {
            InvokeJson.field(json, "mode", "text-to-image");
          }
        });
  }

  @Override
  public List<String> images(JsonNode reply) {
    InvokeJson.required(reply, "finish_reasons").asArray().stream()
        .filter(JsonNode::isString)
        .findFirst()
        .ifPresent(
            reason -> {
              throw new UpstreamRejected("the model did not draw the image: " + reason.asString());
            });
    return InvokeJson.required(reply, "images").asArray().stream().map(JsonNode::asString).toList();
  }

  static String aspectRatio(int width, int height) {
    double wanted = Math.log((double) width / height);
    return ASPECT_RATIOS.entrySet().stream()
        .min(Comparator.comparingDouble(ratio -> Math.abs(Math.log(ratio.getValue()) - wanted)))
        .orElseThrow()
        .getKey();
  }
}
