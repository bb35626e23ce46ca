package io.bedrockgateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tool call an answer ends with, when the request asked for one: a tool of the request, an id,
 * and an input made up to fit the tool's schema (each string property a word of the answer, numbers
 * 42, booleans true).
 */
record ToolCall(String toolUseId, String name, Map<String, Object> input) {
  private static final int INPUT_NUMBER = 42;

  static ToolCall of(ConverseRequest.Tool tool, List<String> answerTokens, String text) {
    Map<String, Object> input = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> properties =
        tool.inputSchema().path("properties").properties().iterator();
    int word = 0;
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      String type = property.getValue().path("type").asText("string");
      input.put(
          property.getKey(),
          switch (type) {
            case "number", "integer" -> INPUT_NUMBER;
            case "boolean" -> true;
            default ->
                answerTokens.isEmpty()
                    ? "value"
                    : answerTokens.get(word++ % answerTokens.size()).strip();
          });
    }
    String id = "tooluse_" + Integer.toUnsignedString((tool.name() + text).hashCode(), 36);
    return new ToolCall(id, tool.name(), input);
  }

  String inputJson() {
    return new String(WireJson.write(input), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The input JSON in the pieces a stream sends it in. */
  List<String> inputPieces() {
    String json = inputJson();
    int middle = json.length() / 2;
    return middle == 0 ? List.of(json) : List.of(json.substring(0, middle), json.substring(middle));
  }
}
