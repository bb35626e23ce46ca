package io.bedrockgateway.client;

/**
 * The models a call without one uses, on both paths alike (the gateway is sent the model, so its
 * own defaults never make the two paths answer differently). Bedrock model or inference-profile
 * ids: the gateway's aliases mean nothing to Bedrock itself.
 */
public record DefaultModels(
    String chat, String textEmbedding, String imageEmbedding, String image) {
  public static final DefaultModels STANDARD =
      new DefaultModels(
          "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
          "amazon.titan-embed-text-v2:0",
          "amazon.titan-embed-image-v1",
          "stability.stable-image-core-v1:1");

  public DefaultModels {
    for (String model : new String[] {chat, textEmbedding, imageEmbedding, image}) {
      if (model == null || model.isBlank()) {
        throw new IllegalArgumentException("every default model must be named");
      }
    }
  }

  String chatOr(String model) {
    return model == null ? chat : model;
  }

  String textEmbeddingOr(String model) {
    return model == null ? textEmbedding : model;
  }

  String imageEmbeddingOr(String model) {
    return model == null ? imageEmbedding : model;
  }

  String imageOr(String model) {
    return model == null ? image : model;
  }
}
