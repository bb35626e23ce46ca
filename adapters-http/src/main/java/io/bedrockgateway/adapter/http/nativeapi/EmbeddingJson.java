package io.bedrockgateway.adapter.http.nativeapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The bodies of the embedding routes, as sent, and their answers. */
public final class EmbeddingJson {
  private EmbeddingJson() {}

  public record TextRequest(
      String text,
      @JsonProperty("model_id") String modelId,
      Integer dimensions,
      Boolean normalize,
      @JsonProperty("input_type") String inputType) {}

  public record BatchRequest(
      List<String> texts,
      @JsonProperty("model_id") String modelId,
      Integer dimensions,
      Boolean normalize,
      @JsonProperty("input_type") String inputType) {}

  public record ImageRequest(
      @JsonProperty("image_base64") String imageBase64,
      String text,
      @JsonProperty("model_id") String modelId,
      Integer dimensions) {}

  public record Embedding(
      float[] embedding,
      @JsonProperty("model_id") String modelId,
      @JsonProperty("input_tokens") long inputTokens,
      String timestamp) {}

  public record Embeddings(
      List<float[]> embeddings,
      @JsonProperty("model_id") String modelId,
      int count,
      @JsonProperty("input_tokens") long inputTokens,
      String timestamp) {}
}
