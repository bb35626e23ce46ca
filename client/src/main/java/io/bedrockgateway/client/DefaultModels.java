package io.bedrockgateway.client;

import java.util.regex.Pattern;

/**
 * The models a call without one uses, on both paths alike (the gateway is sent the model, so its
 * own defaults never make the two paths answer differently). Bedrock model or inference-profile
 * ids: the gateway's aliases mean nothing to Bedrock itself.
 */
public record DefaultModels(
    String chat, String textEmbedding, String imageEmbedding, String image) {
  private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9._:/+-]{1,2048}");

  public static final DefaultModels STANDARD =
      new DefaultModels(
          "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
          "amazon.titan-embed-text-v2:0",
          "amazon.titan-embed-image-v1",
          "stability.stable-image-core-v1:1");

  public DefaultModels {
    requireModel("DEFAULT_CHAT_MODEL", chat);
    requireModel("DEFAULT_EMBEDDING_MODEL", textEmbedding);
    requireModel("DEFAULT_IMAGE_EMBEDDING_MODEL", imageEmbedding);
    requireModel("DEFAULT_IMAGE_MODEL", image);
  }

  private static void requireModel(String variable, String model) {
    if (model == null || !MODEL_ID.matcher(model).matches()) {
      throw new IllegalArgumentException(
          variable
              + " must be a Bedrock model id, inference-profile id or ARN, was '"
              + model
              + "'");
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
