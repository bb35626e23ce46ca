package io.bedrockgateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * The InvokeModel bodies of the embedding and image models the gateway serves (Titan text
 * embeddings v1/v2, Cohere Embed v3, Titan multimodal embeddings, Titan image v1/v2, Nova Canvas,
 * Stability), for the direct path, and the vectors and images read back.
 */
final class DirectModelBodies {
  /** Cohere embeds up to 96 texts a call. */
  static final int COHERE_BATCH = 96;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> STABILITY_RATIOS =
      List.of("1:1", "16:9", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21");

  private DirectModelBodies() {}

  static boolean isCohere(String model) {
    return model.contains("cohere.embed");
  }

  static boolean isStability(String model) {
    return model.contains("stability.");
  }

  static ObjectNode textEmbedding(String model, String text, Integer dimensions) {
    if (isCohere(model)) {
      return cohere(List.of(text));
    }
    ObjectNode body = JSON.objectNode().put("inputText", text);
    if (dimensions != null && !model.contains("titan-embed-text-v1")) {
      body.put("dimensions", dimensions);
    }
    return body;
  }

  static ObjectNode cohere(List<String> texts) {
    ObjectNode body = JSON.objectNode().put("input_type", "search_document");
    ArrayNode list = body.putArray("texts");
    texts.forEach(list::add);
    return body;
  }

  static ObjectNode imageEmbedding(byte[] image, String caption, Integer dimensions) {
    ObjectNode body =
        JSON.objectNode().put("inputImage", Base64.getEncoder().encodeToString(image));
    if (caption != null && !caption.isBlank()) {
      body.put("inputText", caption);
    }
    if (dimensions != null) {
      body.putObject("embeddingConfig").put("outputEmbeddingLength", dimensions);
    }
    return body;
  }

  /** One Titan or Nova Canvas call for every image; for Stability, one call draws one image. */
  static ObjectNode image(String model, String prompt, ImageOptions options) {
    return isStability(model) ? stability(prompt, options) : titan(prompt, options);
  }

  private static ObjectNode titan(String prompt, ImageOptions options) {
    ObjectNode body = JSON.objectNode().put("taskType", "TEXT_IMAGE");
    ObjectNode params = body.putObject("textToImageParams").put("text", prompt);
    if (options.negativePrompt() != null) {
      params.put("negativeText", options.negativePrompt());
    }
    ObjectNode config =
        body.putObject("imageGenerationConfig")
            .put("numberOfImages", options.numberOfImages() == null ? 1 : options.numberOfImages())
            .put("width", options.widthOrDefault())
            .put("height", options.heightOrDefault());
    if (options.quality() != null) {
      config.put("quality", options.quality());
    }
    if (options.seed() != null) {
      config.put("seed", options.seed());
    }
    return body;
  }

  private static ObjectNode stability(String prompt, ImageOptions options) {
    ObjectNode body =
        JSON.objectNode()
            .put("prompt", prompt)
            .put("aspect_ratio", aspectRatio(options.widthOrDefault(), options.heightOrDefault()))
            .put("output_format", "png");
    if (options.negativePrompt() != null) {
      body.put("negative_prompt", options.negativePrompt());
    }
    if (options.seed() != null) {
      body.put("seed", options.seed());
    }
    return body;
  }

  /** Stability's aspect ratio nearest to width:height. */
  static String aspectRatio(int width, int height) {
    double wanted = Math.log((double) width / height);
    return STABILITY_RATIOS.stream()
        .min(Comparator.comparingDouble(ratio -> Math.abs(Math.log(value(ratio)) - wanted)))
        .orElseThrow();
  }

  private static double value(String ratio) {
    String[] parts = ratio.split(":");
    return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
  }

  /** The vectors of an embedding answer: Cohere's {@code embeddings}, or Titan's one. */
  static List<List<Float>> vectors(JsonNode answer) {
    List<List<Float>> vectors = new ArrayList<>();
    if (answer.has("embeddings")) {
      answer.get("embeddings").forEach(vector -> vectors.add(GatewayWire.vector(vector)));
    } else {
      vectors.add(GatewayWire.vector(answer.path("embedding")));
    }
    return vectors;
  }

  static List<String> images(JsonNode answer) {
    return GatewayWire.strings(answer.path("images"));
  }
}
