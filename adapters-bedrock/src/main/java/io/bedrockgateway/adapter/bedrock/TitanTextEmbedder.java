package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.embedding.Embedding;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Titan Text Embeddings: one text per call. v1 makes 1,536 dimensions; v2 256, 512 or 1,024, and
 * normalizes unless told not to.
 */
record TitanTextEmbedder(boolean v2) implements TextEmbedder {
  private static final Set<Integer> V1_DIMENSIONS = Set.of(1536);
  private static final Set<Integer> V2_DIMENSIONS = Set.of(256, 512, 1024);

  @Override
  public int textsPerCall() {
    return 1;
  }

  @Override
  public void check(ModelId model, TextEmbeddingRequest request) {
    TextEmbedder.requireDimensions(model, request, v2 ? V2_DIMENSIONS : V1_DIMENSIONS);
    if (request.normalize().isPresent()) {
      TextEmbedder.rejectUnless(v2, model, "normalize");
    }
    if (request.purpose().isPresent()) {
      TextEmbedder.rejectUnless(false, model, "input_type");
    }
  }

  @Override
  public byte[] body(List<String> texts, TextEmbeddingRequest options) {
    return InvokeJson.object(
        json -> {
          InvokeJson.field(json, "inputText", texts.getFirst());
          options.dimensions().ifPresent(value -> InvokeJson.field(json, "dimensions", value));
          options
              .normalize()
              .ifPresent(value -> json.writeFieldName("normalize").writeValue(value));
        });
  }

  @Override
  public List<Embedding> embeddings(JsonNode reply) {
    return List.of(new Embedding(InvokeJson.floats(InvokeJson.required(reply, "embedding"))));
  }

  @Override
  public Optional<Long> inputTokens(JsonNode reply) {
    return InvokeJson.optionalLong(reply, "inputTextTokenCount");
  }
}
