package io.bedrockgateway.adapter.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The bodies of the embedding routes, as sent, and their answers. */
final class EmbeddingJson {
  private EmbeddingJson() {}

  record TextRequest(
      String text,
      @JsonProperty("model_id") String modelId,
      Integer dimensions,
      Boolean normalize,
      @JsonProperty("input_type") String inputType) {}

  record BatchRequest(
      List<String> texts,
      @JsonProperty("model_id") String modelId,
      Integer dimensions,
      Boolean normalize,
      @JsonProperty("input_type") String inputType) {}

  record ImageRequest(
      @JsonProperty("image_base64") String imageBase64,
      String text,
      @JsonProperty("model_id") String modelId,
      Integer dimensions) {}

  record Embedding(
      float[] embedding,
      @JsonProperty("model_id") String modelId,
      @JsonProperty("input_tokens") long inputTokens,
      String timestamp) {}

  record Embeddings(
      List<float[]> embeddings,
      @JsonProperty("model_id") String modelId,
      int count,
      @JsonProperty("input_tokens") long inputTokens,
      String timestamp) {}
}
