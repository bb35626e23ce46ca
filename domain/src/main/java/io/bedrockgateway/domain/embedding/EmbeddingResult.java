package io.bedrockgateway.domain.embedding;

import io.bedrockgateway.domain.chat.ModelId;
import java.util.List;
import java.util.Objects;

/** Embeddings in the order of their inputs, what reading the inputs cost, and who made them. */
public record EmbeddingResult(List<Embedding> embeddings, long inputTokens, ModelId servedModel) {
  public EmbeddingResult {
    embeddings = List.copyOf(Objects.requireNonNull(embeddings, "embeddings"));
    Objects.requireNonNull(servedModel, "servedModel");
    if (embeddings.isEmpty()) {
      throw new IllegalArgumentException("a result holds at least one embedding");
    }
    if (inputTokens < 0) {
      throw new IllegalArgumentException("inputTokens must not be negative");
    }
  }
}
