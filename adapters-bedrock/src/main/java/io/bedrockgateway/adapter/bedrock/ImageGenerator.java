package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.image.ImageRequest;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** The InvokeModel body of a family of image generation models. */
sealed interface ImageGenerator permits TitanImageGenerator, StabilityImageGenerator {

  /** How many calls make the images asked for, and how many images each asks for. */
  List<Integer> imagesPerCall(ImageRequest request);

  /**
   * @param call which of the calls this is, from 0
   */
  byte[] body(ImageRequest request, int call, int images);

  /** The base64 images of one answer; fails if the model refused to draw. */
  List<String> images(JsonNode reply);

  static Optional<ImageGenerator> forModel(ModelId model) {
    String base = model.baseModelId();
    if (base.startsWith("amazon.titan-image-generator") || base.startsWith("amazon.nova-canvas")) {
      return Optional.of(new TitanImageGenerator());
    }
    if (base.startsWith("stability.")) {
      return Optional.of(new StabilityImageGenerator(base.startsWith("stability.sd3")));
    }
    return Optional.empty();
  }
}
