package io.bedrockgateway.adapter.http.common.converse;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.JsonValues;
import io.bedrockgateway.adapter.http.common.RequestLimits;
import io.bedrockgateway.domain.chat.ToolConfig;
import io.bedrockgateway.domain.error.InvalidRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code tool_config} in Bedrock's own shape, as clients of the earlier gateway send it:
 * {@code {"tools":[{"toolSpec":{"name","description","inputSchema":{"json":{...}}}}
 * |{"cachePoint":{"type":"default"}}],
 * "toolChoice":{"auto":{}}|{"any":{}}|{"tool":{"name":"..."}}}}.
 */
public final class ToolConfigReader {
  private ToolConfigReader() {}

  /**
   * Absent for a missing or null configuration.
   *
   * @param field the name the request gives it ({@code tool_config}, {@code toolConfig}), for
   *     rejections
   */
  public static Optional<ToolConfig> read(String field, JsonNode config) {
    if (config == null || config.isNull()) {
      return Optional.empty();
    }
    if (!config.isObject()) {
      throw new InvalidRequest(field + ": must be an object");
    }
    JsonNode tools = config.get("tools");
    if (tools == null || !tools.isArray() || tools.isEmpty()) {
      throw new InvalidRequest(field + ".tools: must be a list of at least one tool");
    }
    if (tools.size() > RequestLimits.MAX_TOOLS) {
      throw new InvalidRequest(
          field + ".tools: must hold at most " + RequestLimits.MAX_TOOLS + " tools");
    }
    List<ToolConfig.Entry> specs = new ArrayList<>();
    for (int index = 0; index < tools.size(); index++) {
      String path = field + ".tools[" + index + "]";
      JsonNode entry = tools.get(index);
      if (entry != null && entry.has(ContentBlockReader.CACHE_POINT)) {
        specs.add(
            ContentBlockReader.cachePoint(
                path + "." + ContentBlockReader.CACHE_POINT,
                entry.get(ContentBlockReader.CACHE_POINT)));
      } else {
        specs.add(tool(path + ".toolSpec", entry == null ? null : entry.get("toolSpec")));
      }
    }
    Optional<ToolConfig.Choice> choice =
        Optional.ofNullable(config.get("toolChoice")).map(value -> choice(field, value));
    return Optional.of(FieldPath.at(field, () -> new ToolConfig(specs, choice)));
  }

  private static ToolConfig.Tool tool(String path, JsonNode spec) {
    if (spec == null || !spec.isObject()) {
      throw new InvalidRequest(path + ": is required");
    }
    String name = ContentBlockReader.string(path + ".name", spec.get("name"));
    Optional<String> description =
        Optional.ofNullable(spec.get("description"))
            .map(value -> ContentBlockReader.string(path + ".description", value));
    JsonNode schema = spec.path("inputSchema").get("json");
    if (schema == null || !schema.isObject()) {
      throw new InvalidRequest(path + ".inputSchema.json: must be a JSON schema object");
    }
    return FieldPath.at(
        path, () -> new ToolConfig.Tool(name, description, JsonValues.fromNode(schema)));
  }

  private static ToolConfig.Choice choice(String field, JsonNode choice) {
    String path = field + ".toolChoice";
    if (choice.has("auto")) {
      return new ToolConfig.Choice.Auto();
    }
    if (choice.has("any")) {
      return new ToolConfig.Choice.Any();
    }
    if (choice.has("tool")) {
      String name = ContentBlockReader.string(path + ".tool.name", choice.path("tool").get("name"));
      return FieldPath.at(path + ".tool", () -> new ToolConfig.Choice.Named(name));
    }
    throw new InvalidRequest(
        path + ": must be {\"auto\":{}}, {\"any\":{}} or {\"tool\":{\"name\":...}}");
  }
}
