package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.embedding.Embedding;
import io.bedrockgateway.domain.embedding.EmbeddingPurpose;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Cohere Embed v3 (English, multilingual): up to 96 texts a call, 1,024 dimensions, and an input
 * type that Cohere requires (search documents unless the request says otherwise).
 */
record CohereEmbedder() implements TextEmbedder {
  private static final int TEXTS_PER_CALL = 96;
  private static final Set<Integer> DIMENSIONS = Set.of(1024);

  @Override
  public int textsPerCall() {
    return TEXTS_PER_CALL;
  }

  @Override
  public void check(ModelId model, TextEmbeddingRequest request) {
    TextEmbedder.requireDimensions(model, request, DIMENSIONS);
    if (request.normalize().isPresent()) {
      TextEmbedder.rejectUnless(false, model, "normalize");
    }
  }

  @Override
  public byte[] body(List<String> texts, TextEmbeddingRequest options) {
    return InvokeJson.object(
        json -> {
          InvokeJson.strings(json, "texts", texts);
          InvokeJson.field(
              json,
              "input_type",
              options.purpose().orElse(EmbeddingPurpose.SEARCH_DOCUMENT).wireName());
        });
  }

  @Override
  public List<Embedding> embeddings(JsonNode reply) {
    return InvokeJson.required(reply, "embeddings").asArray().stream()
        .map(vector -> new Embedding(InvokeJson.floats(vector)))
        .toList();
  }

  @Override
  public Optional<Long> inputTokens(JsonNode reply) {
    return Optional.empty();
  }
}
