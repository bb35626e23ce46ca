package io.bedrockgateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The gateway's native API bodies (snake_case requests, its answers) to and from our records. */
final class GatewayWire {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private GatewayWire() {}

  static ObjectNode chatBody(ChatCall call) {
    ObjectNode body = JSON.objectNode();
    body.put("model_id", call.model());
    ArrayNode messages = body.putArray("messages");
    for (ChatMessage message : call.messages()) {
      ObjectNode wire = messages.addObject();
      wire.put("role", message.role().wire());
      ArrayNode content = wire.putArray("content");
      message.content().forEach(block -> content.add(contentBlock(block)));
    }
    if (call.systemPrompt() != null) {
      body.put("system_prompt", call.systemPrompt());
    }
    ChatOptions options = call.options();
    if (options.maxTokens() != null) {
      body.put("max_tokens", options.maxTokens());
    }
    if (options.temperature() != null) {
      body.put("temperature", options.temperature());
    }
    if (options.topP() != null) {
      body.put("top_p", options.topP());
    }
    if (!options.stopSequences().isEmpty()) {
      ArrayNode stops = body.putArray("stop_sequences");
      options.stopSequences().forEach(stops::add);
    }
    return body;
  }

  private static ObjectNode contentBlock(ChatMessage.Content block) {
    ObjectNode wire = JSON.objectNode();
    switch (block) {
      case ChatMessage.Text text -> wire.put("text", text.text());
      case ChatMessage.Image image -> {
        ObjectNode inner = wire.putObject("image");
        inner.put("format", image.format());
        inner.putObject("source").put("bytes", base64(image.bytes()));
      }
      case ChatMessage.Document document -> {
        ObjectNode inner = wire.putObject("document");
        inner.put("format", document.format());
        inner.put("name", document.name());
        inner.putObject("source").put("bytes", base64(document.bytes()));
      }
    }
    return wire;
  }

  static ChatReply chatReply(JsonNode answer, String requestedModel, Route route) {
    StringBuilder text = new StringBuilder();
    answer
        .path("output")
        .path("message")
        .path("content")
        .forEach(block -> text.append(block.path("text").asText("")));
    return new ChatReply(
        text.toString(),
        answer.path("stopReason").asText(),
        answer.path("servedModel").asText(requestedModel),
        StreamEventJson.usage(answer.path("usage")),
        route);
  }

  static ObjectNode textEmbeddingBody(String model, String text, EmbeddingOptions options) {
    ObjectNode body = JSON.objectNode().put("model_id", model).put("text", text);
    return withDimensions(body, options);
  }

  static ObjectNode textEmbeddingsBody(String model, List<String> texts, EmbeddingOptions options) {
    ObjectNode body = JSON.objectNode().put("model_id", model);
    ArrayNode list = body.putArray("texts");
    texts.forEach(list::add);
    return withDimensions(body, options);
  }

  static ObjectNode imageEmbeddingBody(
      String model, byte[] image, String caption, EmbeddingOptions options) {
    ObjectNode body = JSON.objectNode().put("model_id", model).put("image_base64", base64(image));
    if (caption != null) {
      body.put("text", caption);
    }
    return withDimensions(body, options);
  }

  static ObjectNode imageBody(String model, String prompt, ImageOptions options) {
    ObjectNode body =
        JSON.objectNode()
            .put("model_id", model)
            .put("prompt", prompt)
            .put("width", options.widthOrDefault())
            .put("height", options.heightOrDefault());
    if (options.quality() != null) {
      body.put("quality", options.quality());
    }
    if (options.negativePrompt() != null) {
      body.put("negative_prompt", options.negativePrompt());
    }
    if (options.seed() != null) {
      body.put("seed", options.seed());
    }
    if (options.numberOfImages() != null) {
      body.put("number_of_images", options.numberOfImages());
    }
    return body;
  }

  static List<Float> vector(JsonNode array) {
    List<Float> vector = new ArrayList<>(array.size());
    array.forEach(value -> vector.add(value.floatValue()));
    return vector;
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>(array.size());
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static ObjectNode withDimensions(ObjectNode body, EmbeddingOptions options) {
    if (options.dimensions() != null) {
      body.put("dimensions", options.dimensions());
    }
    return body;
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
