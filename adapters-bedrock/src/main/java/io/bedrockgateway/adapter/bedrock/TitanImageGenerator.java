package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.error.UpstreamRejected;
import io.bedrockgateway.domain.image.ImageRequest;
import java.util.List;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Titan Image Generator v1/v2 and Nova Canvas: the {@code TEXT_IMAGE} task, every image of a
 * request from one call.
 */
record TitanImageGenerator() implements ImageGenerator {

  @Override
  public List<Integer> imagesPerCall(ImageRequest request) {
    return List.of(request.count());
  }

  @Override
  public byte[] body(ImageRequest request, int call, int images) {
    return InvokeJson.object(
        json -> {
          InvokeJson.field(json, "taskType", "TEXT_IMAGE");
          json.writeFieldName("textToImageParams").writeStartObject();
          InvokeJson.field(json, "text", request.prompt());
          request.negativePrompt().ifPresent(text -> InvokeJson.field(json, "negativeText", text));
          json.writeEndObject();
          json.writeFieldName("imageGenerationConfig").writeStartObject();
          InvokeJson.field(json, "numberOfImages", images);
          InvokeJson.field(json, "width", request.width());
          InvokeJson.field(json, "height", request.height());
          InvokeJson.field(json, "quality", request.quality().wireName());
          request.seed().ifPresent(seed -> InvokeJson.field(json, "seed", seed));
          json.writeEndObject();
        });
  }

  @Override
  public List<String> images(JsonNode reply) {
    reply
        .field("error")
        .filter(JsonNode::isString)
        .ifPresent(
            refusal -> {
              throw new UpstreamRejected("the model did not draw the image: " + refusal.asString());
            });
    return InvokeJson.required(reply, "images").asArray().stream().map(JsonNode::asString).toList();
  }
}
