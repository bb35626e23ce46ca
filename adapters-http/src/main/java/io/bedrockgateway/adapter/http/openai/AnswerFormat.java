package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.JsonValues;
import io.bedrockgateway.domain.chat.ToolConfig;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAI's {@code response_format} (Responses: {@code text.format}) on Bedrock, which has no JSON
 * mode: {@code json_schema} and {@code json_object} become one tool the model must call, whose
 * input schema is the requested schema ({@code {"type":"object"}} for {@code json_object}); the
 * call's input, as JSON text, is then the answer's content, and the finish reason {@code stop}.
 * Since the model must call that tool, the format cannot be combined with tools of the client's.
 *
 * @param tool the tool whose input is the answer, when a JSON format was asked for
 */
record AnswerFormat(Optional<ToolConfig.Tool> tool) {
  static final AnswerFormat TEXT = new AnswerFormat(Optional.empty());

  private static final JsonValue ANY_OBJECT =
      new JsonValue.JsonObject(Map.of("type", new JsonValue.JsonString("object")));

  /**
   * @param path the field, {@code response_format} or {@code text.format}
   * @param nested whether {@code json_schema}'s fields sit under {@code json_schema} (Chat
   *     Completions) or beside {@code type} (Responses)
   */
  static AnswerFormat read(String path, JsonNode format, boolean nested) {
    if (format == null || format.isNull()) {
      return TEXT;
    }
    if (!format.isObject()) {
      throw new InvalidRequest(path + ": must be an object");
    }
    String type = FunctionTools.text(path + ".type", format.get("type"), true);
    return switch (type) {
      case "text" -> TEXT;
      case "json_object" ->
          new AnswerFormat(
              Optional.of(
                  new ToolConfig.Tool(
                      "json_object", Optional.of("Answer with a JSON object."), ANY_OBJECT)));
      case "json_schema" -> schema(path, nested ? format.get("json_schema") : format, nested);
      default -> throw new InvalidRequest(path + ".type: must be text, json_object or json_schema");
    };
  }

  private static AnswerFormat schema(String path, JsonNode spec, boolean nested) {
    String specPath = nested ? path + ".json_schema" : path;
    if (spec == null || !spec.isObject()) {
      throw new InvalidRequest(specPath + ": must be an object");
    }
    String name = FunctionTools.text(specPath + ".name", spec.get("name"), true);
    Optional<String> description =
        Optional.ofNullable(
                FunctionTools.text(specPath + ".description", spec.get("description"), false))
            .filter(text -> !text.isBlank())
            .or(() -> Optional.of("Answer with JSON matching this schema."));
    JsonNode schema = spec.get("schema");
    if (schema != null && !schema.isNull() && !schema.isObject()) {
      throw new InvalidRequest(specPath + ".schema: must be a JSON schema object");
    }
    JsonValue inputSchema =
        schema == null || schema.isNull() ? ANY_OBJECT : JsonValues.fromNode(schema);
    return new AnswerFormat(
        Optional.of(
            FieldPath.at(
                specPath + ".name", () -> new ToolConfig.Tool(name, description, inputSchema))));
  }

  /** The tools to send: the client's, or the answer's own, forced. */
  Optional<ToolConfig> apply(String path, Optional<ToolConfig> clientTools) {
    if (tool.isEmpty()) {
      return clientTools;
    }
    if (clientTools.isPresent()) {
      throw new InvalidRequest(
          path + ": a JSON answer format cannot be combined with tools on this gateway");
    }
    return Optional.of(
        new ToolConfig(
            List.of(tool.get()), Optional.of(new ToolConfig.Choice.Named(tool.get().name()))));
  }

  /** Whether the model's call of {@code name} is the answer rather than a tool call. */
  boolean isAnswer(String name) {
    return tool.map(answer -> answer.name().equals(name)).orElse(false);
  }
}
