package io.bedrockgateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The embedding models the emulator serves on InvokeModel, with their real vector lengths. */
final class EmbeddingModels {
  static final int TITAN_V1_DIMENSIONS = 1536;
  static final int COHERE_DIMENSIONS = 1024;
  static final int DEFAULT_DIMENSIONS = 1024;
  static final int COHERE_MAX_TEXTS = 96;
  private static final Set<Integer> TITAN_V2_DIMENSIONS = Set.of(256, 512, 1024);
  private static final Set<Integer> MULTIMODAL_DIMENSIONS = Set.of(256, 384, 1024);
  private static final Set<String> COHERE_INPUT_TYPES =
      Set.of("search_document", "search_query", "classification", "clustering", "image");

  private EmbeddingModels() {}

  static Optional<InvokeAnswer.Model> forBaseModel(String base) {
    if (base.startsWith("amazon.titan-embed-text-v1")) {
      return Optional.of(new TitanText(false));
    }
    if (base.startsWith("amazon.titan-embed-text-v2")) {
      return Optional.of(new TitanText(true));
    }
    if (base.startsWith("cohere.embed-english-v3")
        || base.startsWith("cohere.embed-multilingual-v3")) {
      return Optional.of(new Cohere());
    }
    if (base.startsWith("amazon.titan-embed-image-v1")) {
      return Optional.of(new TitanMultimodal());
    }
    return Optional.empty();
  }

  /** Titan Text Embeddings: v1 has 1,536 floats and no options; v2 takes dimensions, normalize. */
  private record TitanText(boolean v2) implements InvokeAnswer.Model {
    @Override
    public String text(JsonNode request) {
      return request.path("inputText").asText("");
    }

    @Override
    public InvokeAnswer answer(JsonNode request) {
      String text = InvokeAnswer.requiredText(request, "inputText");
      if (!v2) {
        request.properties().stream()
            .map(Map.Entry::getKey)
            .filter(key -> !key.equals("inputText"))
            .findFirst()
            .ifPresent(
                key -> {
                  throw InvokeAnswer.malformed(
                      "extraneous key [" + key + "] is not permitted, please reformat your input");
                });
      }
      int dimensions =
          v2 ? InvokeAnswer.number(request, "dimensions", DEFAULT_DIMENSIONS) : TITAN_V1_DIMENSIONS;
      if (v2 && !TITAN_V2_DIMENSIONS.contains(dimensions)) {
        throw InvokeAnswer.malformed("#/dimensions: " + dimensions + " is not a valid enum value");
      }
      boolean normalize = v2 && request.path("normalize").asBoolean(true);
      int tokens = EmulatedUsage.inputTokens(List.of(text));
      return new InvokeAnswer(
          Map.of(
              "embedding",
              EmulatedEmbedding.vector(text, dimensions, normalize),
              "inputTextTokenCount",
              tokens),
          tokens,
          0);
    }
  }

  /** Cohere Embed v3: up to 96 texts, an input type, 1,024 floats each. */
  private record Cohere() implements InvokeAnswer.Model {
    @Override
    public String text(JsonNode request) {
      List<String> texts = new ArrayList<>();
      request.path("texts").forEach(text -> texts.add(text.asText()));
      return String.join("\n", texts);
    }

    @Override
    public InvokeAnswer answer(JsonNode request) {
      JsonNode texts = request.get("texts");
      if (texts == null || !texts.isArray() || texts.isEmpty()) {
        throw InvokeAnswer.malformed("#: required key [texts] not found");
      }
      if (texts.size() > COHERE_MAX_TEXTS) {
        throw InvokeAnswer.malformed(
            "#/texts: expected maximum item count: "
                + COHERE_MAX_TEXTS
                + ", found: "
                + texts.size());
      }
      String inputType = request.path("input_type").asText("");
      if (!COHERE_INPUT_TYPES.contains(inputType)) {
        throw InvokeAnswer.malformed("#/input_type: " + inputType + " is not a valid enum value");
      }
      List<float[]> vectors = new ArrayList<>();
      List<String> inputs = new ArrayList<>();
      texts.forEach(
          text -> {
            inputs.add(text.asText());
            vectors.add(EmulatedEmbedding.vector(text.asText(), COHERE_DIMENSIONS, false));
          });
      return new InvokeAnswer(
          Map.of(
              "id",
              Integer.toHexString(inputs.hashCode()),
              "embeddings",
              vectors,
              "texts",
              inputs,
              "response_type",
              "embeddings_floats"),
          EmulatedUsage.inputTokens(inputs),
          0);
    }
  }

  /** Titan Multimodal Embeddings: an image and/or a text into 256, 384 or 1,024 floats. */
  private record TitanMultimodal() implements InvokeAnswer.Model {
    @Override
    public String text(JsonNode request) {
      return request.path("inputText").asText("");
    }

    @Override
    public InvokeAnswer answer(JsonNode request) {
      String text = request.path("inputText").asText("");
      String image = request.path("inputImage").asText("");
      if (text.isBlank() && image.isBlank()) {
        throw InvokeAnswer.malformed("at least one of inputText and inputImage is required");
      }
      int dimensions =
          InvokeAnswer.number(
              request.path("embeddingConfig"), "outputEmbeddingLength", DEFAULT_DIMENSIONS);
      if (!MULTIMODAL_DIMENSIONS.contains(dimensions)) {
        throw InvokeAnswer.malformed(
            "#/embeddingConfig/outputEmbeddingLength: "
                + dimensions
                + " is not a valid enum value");
      }
      int tokens = text.isBlank() ? 0 : EmulatedUsage.inputTokens(List.of(text));
      return new InvokeAnswer(
          Map.of(
              "embedding",
              EmulatedEmbedding.vector(text + "|" + image, dimensions, false),
              "inputTextTokenCount",
              tokens),
          tokens,
          0);
    }
  }
}
