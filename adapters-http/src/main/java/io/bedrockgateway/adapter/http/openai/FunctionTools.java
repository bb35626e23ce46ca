package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.JsonValues;
import io.bedrockgateway.adapter.http.common.RequestLimits;
import io.bedrockgateway.domain.chat.ToolConfig;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAI's function tools and {@code tool_choice} as Bedrock's tool configuration, for both
 * surfaces' shapes: Chat Completions nests the function ({@code {"type":"function","function":
 * {"name",...}}}), the Responses API does not ({@code {"type":"function","name",...}}). {@code
 * tool_choice} {@code none} leaves the tools out, which only a conversation without tool calls
 * allows: Bedrock needs the tools declared to read them.
 */
final class FunctionTools {
  /** A function without parameters takes an empty object. */
  private static final JsonValue NO_PARAMETERS =
      new JsonValue.JsonObject(
          Map.of(
              "type",
              new JsonValue.JsonString("object"),
              "properties",
              new JsonValue.JsonObject(Map.of())));

  private FunctionTools() {}

  /** The declared tools; empty when there are none. */
  static List<ToolConfig.Entry> tools(JsonNode tools, boolean nested) {
    if (tools == null || tools.isNull()) {
      return List.of();
    }
    if (!tools.isArray()) {
      throw new InvalidRequest("tools: must be a list");
    }
    if (tools.size() > RequestLimits.MAX_TOOLS) {
      throw new InvalidRequest("tools: must hold at most " + RequestLimits.MAX_TOOLS + " tools");
    }
    List<ToolConfig.Entry> entries = new ArrayList<>();
    for (int i = 0; i < tools.size(); i++) {
      String path = "tools[" + i + "]";
      JsonNode tool = tools.get(i);
      if (!tool.isObject()) {
        throw new InvalidRequest(path + ": must be an object");
      }
      if (!"function".equals(tool.path("type").asText(null))) {
        throw new InvalidRequest(
            path + ".type: only function tools are supported, not " + describe(tool.get("type")));
      }
      JsonNode function = nested ? tool.get("function") : tool;
      String functionPath = nested ? path + ".function" : path;
      if (function == null || !function.isObject()) {
        throw new InvalidRequest(functionPath + ": must be an object");
      }
      entries.add(tool(functionPath, function));
    }
    return entries;
  }

  private static ToolConfig.Tool tool(String path, JsonNode function) {
    String name = text(path + ".name", function.get("name"), true);
    Optional<String> description =
        Optional.ofNullable(text(path + ".description", function.get("description"), false))
            .filter(text -> !text.isBlank());
    JsonNode parameters = function.get("parameters");
    JsonValue schema;
    if (parameters == null || parameters.isNull()) {
      schema = NO_PARAMETERS;
    } else if (parameters.isObject()) {
      schema = JsonValues.fromNode(parameters);
    } else {
      throw new InvalidRequest(path + ".parameters: must be a JSON schema object");
    }
    return FieldPath.at(path + ".name", () -> new ToolConfig.Tool(name, description, schema));
  }

  /**
   * {@code tool_choice}: {@code auto}, {@code required}, a named function, or {@code none} (empty:
   * use no tool).
   */
  static Optional<ToolConfig.Choice> choice(JsonNode choice, boolean nested) {
    if (choice == null || choice.isNull()) {
      return Optional.of(new ToolConfig.Choice.Auto());
    }
    if (choice.isTextual()) {
      return switch (choice.textValue()) {
        case "auto" -> Optional.of(new ToolConfig.Choice.Auto());
        case "required" -> Optional.of(new ToolConfig.Choice.Any());
        case "none" -> Optional.empty();
        default ->
            throw new InvalidRequest(
                "tool_choice: must be auto, required, none or a named function");
      };
    }
    if (choice.isObject() && "function".equals(choice.path("type").asText(null))) {
      JsonNode named = nested ? choice.path("function").get("name") : choice.get("name");
      String path = nested ? "tool_choice.function.name" : "tool_choice.name";
      String name = text(path, named, true);
      return Optional.of(FieldPath.at(path, () -> new ToolConfig.Choice.Named(name)));
    }
    throw new InvalidRequest(
        "tool_choice: must be auto, required, none or {\"type\":\"function\", ...}");
  }

  /**
   * The configuration for {@code tools} and {@code choice}; none for {@code tool_choice: none},
   * which a conversation with tool calls cannot honour.
   */
  static Optional<ToolConfig> config(
      List<ToolConfig.Entry> tools,
      Optional<ToolConfig.Choice> choice,
      boolean conversationUsesTools) {
    if (tools.isEmpty()) {
      if (conversationUsesTools) {
        throw new InvalidRequest("tools: the conversation holds tool calls, so declare the tools");
      }
      return Optional.empty();
    }
    if (choice.isEmpty()) {
      if (conversationUsesTools) {
        throw new InvalidRequest(
            "tool_choice: none cannot be honoured once the conversation holds tool calls;"
                + " use auto");
      }
      return Optional.empty();
    }
    if (choice.get() instanceof ToolConfig.Choice.Named named
        && tools.stream()
            .noneMatch(
                tool -> tool instanceof ToolConfig.Tool t && t.name().equals(named.name()))) {
      throw new InvalidRequest("tool_choice: names " + named.name() + ", which is not in tools");
    }
    return Optional.of(
        new ToolConfig(
            tools, choice.get() instanceof ToolConfig.Choice.Auto ? Optional.empty() : choice));
  }

  static String text(String path, JsonNode value, boolean required) {
    if (value == null || value.isNull()) {
      if (required) {
        throw new InvalidRequest(path + ": is required");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidRequest(path + ": must be a string");
    }
    return value.textValue();
  }

  private static String describe(JsonNode type) {
    return type != null && type.isTextual() && type.textValue().length() <= 40
        ? type.textValue().replaceAll("[^A-Za-z0-9_.-]", "?")
        : "that";
  }
}
