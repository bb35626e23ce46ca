package io.bedrockgateway.adapter.http.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bedrockgateway.domain.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** Jackson's trees as the domain's JSON values, and back. */
public final class JsonValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private JsonValues() {}

  public static JsonValue fromNode(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        node.properties()
            .forEach(member -> members.put(member.getKey(), fromNode(member.getValue())));
        yield new JsonValue.JsonObject(members);
      }
      case ARRAY -> {
        java.util.List<JsonValue> elements = new java.util.ArrayList<>();
        node.forEach(element -> elements.add(fromNode(element)));
        yield new JsonValue.JsonArray(elements);
      }
      case STRING -> new JsonValue.JsonString(node.textValue());
      case NUMBER -> new JsonValue.JsonNumber(node.decimalValue());
      case BOOLEAN -> new JsonValue.JsonBoolean(node.booleanValue());
      default -> new JsonValue.JsonNull();
    };
  }

  public static JsonNode toNode(JsonValue value) {
    return switch (value) {
      case JsonValue.JsonObject object -> {
        ObjectNode node = NODES.objectNode();
        object.members().forEach((name, member) -> node.set(name, toNode(member)));
        yield node;
      }
      case JsonValue.JsonArray array -> {
        ArrayNode node = NODES.arrayNode();
        array.elements().forEach(element -> node.add(toNode(element)));
        yield node;
      }
      case JsonValue.JsonString string -> NODES.textNode(string.value());
      case JsonValue.JsonNumber number -> NODES.numberNode(number.value());
      case JsonValue.JsonBoolean bool -> NODES.booleanNode(bool.value());
      case JsonValue.JsonNull ignored -> NODES.nullNode();
    };
  }
}
