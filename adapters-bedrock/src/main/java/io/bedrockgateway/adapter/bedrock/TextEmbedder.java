package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.embedding.Embedding;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;
import io.bedrockgateway.domain.error.InvalidRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** The InvokeModel body of a family of text embedding models. */
sealed interface TextEmbedder permits TitanTextEmbedder, CohereEmbedder {

  /** How many texts one call embeds. */
  int textsPerCall();

  /** Rejects options the model does not offer, naming the field. */
  void check(ModelId model, TextEmbeddingRequest request);

  byte[] body(List<String> texts, TextEmbeddingRequest options);

  List<Embedding> embeddings(JsonNode reply);

  /** The input tokens as the body reports them, when the response header did not. */
  Optional<Long> inputTokens(JsonNode reply);

  static Optional<TextEmbedder> forModel(ModelId model) {
    String base = model.baseModelId();
    if (base.startsWith("amazon.titan-embed-text-v1")) {
      return Optional.of(new TitanTextEmbedder(false));
    }
    if (base.startsWith("amazon.titan-embed-text-v2")) {
      return Optional.of(new TitanTextEmbedder(true));
    }
    if (base.startsWith("cohere.embed-english-v3")
        || base.startsWith("cohere.embed-multilingual-v3")) {
      return Optional.of(new CohereEmbedder());
    }
    return Optional.empty();
  }

  static void requireDimensions(ModelId model, TextEmbeddingRequest request, Set<Integer> offered) {
    request
        .dimensions()
        .ifPresent(
            dimensions -> {
              if (!offered.contains(dimensions)) {
                throw new InvalidRequest(
                    "dimensions: " + model + " makes vectors of " + offered + " dimensions");
              }
            });
  }

  static void rejectUnless(boolean offered, ModelId model, String field) {
    if (!offered) {
      throw new InvalidRequest(field + ": " + model + " does not take this option");
    }
  }
}
