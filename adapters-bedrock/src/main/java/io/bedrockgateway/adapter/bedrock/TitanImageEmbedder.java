package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.embedding.Embedding;
import io.bedrockgateway.domain.embedding.ImageEmbeddingRequest;
import io.bedrockgateway.domain.error.InvalidRequest;
import java.util.Base64;
import java.util.Set;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Titan Multimodal Embeddings: an image and an optional caption into 256, 384 or 1,024 floats. */
final class TitanImageEmbedder {
  private static final String MODEL_PREFIX = "amazon.titan-embed-image-v1";
  private static final Set<Integer> DIMENSIONS = Set.of(256, 384, 1024);

  private TitanImageEmbedder() {}

  static void check(ModelId model, ImageEmbeddingRequest request) {
    if (!model.baseModelId().startsWith(MODEL_PREFIX)) {
      throw new InvalidRequest(
          "model_id: "
              + model
              + " cannot embed images; the gateway embeds them with "
              + MODEL_PREFIX);
    }
    request
        .dimensions()
        .ifPresent(
            dimensions -> {
              if (!DIMENSIONS.contains(dimensions)) {
                throw new InvalidRequest(
                    "dimensions: " + model + " makes vectors of " + DIMENSIONS + " dimensions");
              }
            });
  }

  static byte[] body(ImageEmbeddingRequest request) {
    return InvokeJson.object(
        json -> {
          InvokeJson.field(
              json, "inputImage", Base64.getEncoder().encodeToString(request.image().bytes()));
          request.text().ifPresent(text -> InvokeJson.field(json, "inputText", text));
          request
              .dimensions()
              .ifPresent(
                  dimensions -> {
                    json.writeFieldName("embeddingConfig").writeStartObject();
                    InvokeJson.field(json, "outputEmbeddingLength", dimensions);
                    json.writeEndObject();
                  });
        });
  }

  static Embedding embedding(JsonNode reply) {
    return new Embedding(InvokeJson.floats(InvokeJson.required(reply, "embedding")));
  }
}
