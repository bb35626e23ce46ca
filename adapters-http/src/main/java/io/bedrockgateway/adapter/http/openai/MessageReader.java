package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.JsonValues;
import io.bedrockgateway.adapter.http.common.RequestLimits;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.ToolResultBlock;
import io.bedrockgateway.domain.chat.ToolResultContent;
import io.bedrockgateway.domain.chat.ToolUseBlock;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chat Completions' {@code messages} as a Bedrock conversation: {@code system} and {@code
 * developer} text as the system prompt; {@code user} text, {@code image_url} ({@code data:} URLs,
 * or URLs of hosts the operator allowed) and {@code file} parts; {@code assistant} text and {@code
 * tool_calls}; {@code tool} results by {@code tool_call_id}. Every rejection names its field, e.g.
 * {@code messages[2].tool_call_id}.
 */
final class MessageReader {
  private final ObjectMapper json;
  private final Attachments attachments;

  MessageReader(ObjectMapper json, Attachments attachments) {
    this.json = json;
    this.attachments = attachments;
  }

  Turns read(List<JsonNode> messages) {
    if (messages == null || messages.isEmpty()) {
      throw new InvalidRequest("messages: must hold at least one message");
    }
    if (messages.size() > RequestLimits.MAX_MESSAGES) {
      throw new InvalidRequest(
          "messages: must hold at most " + RequestLimits.MAX_MESSAGES + " messages");
    }
    Turns turns = new Turns();
    for (int i = 0; i < messages.size(); i++) {
      message(turns, "messages[" + i + "]", messages.get(i));
    }
    return turns;
  }

  private void message(Turns turns, String path, JsonNode message) {
    if (message == null || !message.isObject()) {
      throw new InvalidRequest(path + ": must be an object");
    }
    String role = FunctionTools.text(path + ".role", message.get("role"), true);
    JsonNode content = message.get("content");
    switch (role) {
      case "system", "developer" -> texts(path + ".content", content, true).forEach(turns::system);
      case "user" -> turns.add(Role.USER, userContent(path + ".content", content));
      case "assistant" -> turns.add(Role.ASSISTANT, assistant(path, message));
      case "tool" -> turns.add(Role.USER, List.of(toolResult(path, message)));
      default ->
          throw new InvalidRequest(
              path + ".role: must be system, developer, user, assistant or tool");
    }
  }

  private List<ContentBlock> userContent(String path, JsonNode content) {
    if (content != null && content.isTextual()) {
      return List.of(text(path, content.textValue()));
    }
    List<ContentBlock> blocks = new ArrayList<>();
    JsonNode parts = parts(path, content);
    for (int i = 0; i < parts.size(); i++) {
      String partPath = path + "[" + i + "]";
      JsonNode part = parts.get(i);
      String type = partType(partPath, part);
      switch (type) {
        case "text" ->
            blocks.add(
                text(
                    partPath + ".text",
                    FunctionTools.text(partPath + ".text", part.get("text"), true)));
        case "image_url" -> {
          JsonNode image = part.get("image_url");
          String url =
              image != null && image.isObject()
                  ? FunctionTools.text(partPath + ".image_url.url", image.get("url"), true)
                  : FunctionTools.text(partPath + ".image_url", image, true);
          blocks.add(attachments.image(partPath + ".image_url.url", url));
        }
        case "file" -> {
          JsonNode file = part.get("file");
          if (file == null || !file.isObject()) {
            throw new InvalidRequest(partPath + ".file: must be an object");
          }
          if (file.hasNonNull("file_id")) {
            throw new InvalidRequest(
                partPath + ".file.file_id: the gateway keeps no files; send file_data");
          }
          blocks.add(
              Attachments.document(
                  partPath + ".file.file_data",
                  FunctionTools.text(partPath + ".file.file_data", file.get("file_data"), true),
                  Optional.ofNullable(
                      FunctionTools.text(
                          partPath + ".file.filename", file.get("filename"), false))));
        }
        default ->
            throw new InvalidRequest(
                partPath + ".type: a user message holds text, image_url and file parts");
      }
    }
    return blocks;
  }

  private List<ContentBlock> assistant(String path, JsonNode message) {
    List<ContentBlock> blocks =
        new ArrayList<>(
            ThinkingBlocks.read(path + ".thinking_blocks", message.get("thinking_blocks")));
    JsonNode content = message.get("content");
    if (content != null && !content.isNull()) {
      if (!(content.isTextual() && content.textValue().isBlank())) {
        blocks.addAll(texts(path + ".content", content, false));
      }
    }
    JsonNode calls = message.get("tool_calls");
    if (calls != null && !calls.isNull()) {
      if (!calls.isArray()) {
        throw new InvalidRequest(path + ".tool_calls: must be a list");
      }
      for (int i = 0; i < calls.size(); i++) {
        blocks.add(toolCall(path + ".tool_calls[" + i + "]", calls.get(i)));
      }
    }
    if (message.hasNonNull("function_call")) {
      throw new InvalidRequest(path + ".function_call: is not supported; use tool_calls");
    }
    if (blocks.isEmpty()) {
      throw new InvalidRequest(path + ".content: an assistant message needs content or tool_calls");
    }
    return blocks;
  }

  private ToolUseBlock toolCall(String path, JsonNode call) {
    if (call == null || !call.isObject()) {
      throw new InvalidRequest(path + ": must be an object");
    }
    String id = FunctionTools.text(path + ".id", call.get("id"), true);
    JsonNode function = call.get("function");
    if (function == null || !function.isObject()) {
      throw new InvalidRequest(path + ".function: must be an object");
    }
    String name = FunctionTools.text(path + ".function.name", function.get("name"), true);
    JsonValue input =
        arguments(
            path + ".function.arguments",
            FunctionTools.text(path + ".function.arguments", function.get("arguments"), false));
    // the guard names which of id and name it refuses
    return FieldPath.at(path, () -> new ToolUseBlock(id, name, input));
  }

  /** A call's arguments, JSON text of an object; none is an empty object. */
  JsonValue arguments(String path, String arguments) {
    if (arguments == null || arguments.isBlank()) {
      return new JsonValue.JsonObject(java.util.Map.of());
    }
    JsonNode parsed;
    try {
      parsed = json.readTree(arguments);
    } catch (JsonProcessingException notJson) {
      throw new InvalidRequest(path + ": must be the JSON text of an object");
    }
    if (parsed == null || !parsed.isObject()) {
      throw new InvalidRequest(path + ": must be the JSON text of an object");
    }
    return JsonValues.fromNode(parsed);
  }

  private static ToolResultBlock toolResult(String path, JsonNode message) {
    String id = FunctionTools.text(path + ".tool_call_id", message.get("tool_call_id"), true);
    JsonNode content = message.get("content");
    List<ToolResultContent> result = new ArrayList<>();
    if (content != null && content.isTextual() && content.textValue().isBlank()) {
      // an empty result is still a result: Bedrock wants some content
      result.add(new TextBlock("(empty)"));
    } else {
      result.addAll(texts(path + ".content", content, false));
    }
    return FieldPath.at(
        path + ".tool_call_id", () -> new ToolResultBlock(id, result, Optional.empty()));
  }

  /** Content that may only be text: a string, or {@code text} (and {@code refusal}) parts. */
  private static List<TextBlock> texts(String path, JsonNode content, boolean systemOnly) {
    if (content != null && content.isTextual()) {
      return List.of(text(path, content.textValue()));
    }
    List<TextBlock> blocks = new ArrayList<>();
    JsonNode parts = parts(path, content);
    for (int i = 0; i < parts.size(); i++) {
      String partPath = path + "[" + i + "]";
      JsonNode part = parts.get(i);
      String type = partType(partPath, part);
      if (!type.equals("text") && (systemOnly || !type.equals("refusal"))) {
        throw new InvalidRequest(partPath + ".type: this message holds text parts only");
      }
      String text = FunctionTools.text(partPath + "." + type, part.get(type), true);
      blocks.add(text(partPath + "." + type, text));
    }
    return blocks;
  }

  private static JsonNode parts(String path, JsonNode content) {
    if (content == null || !content.isArray()) {
      throw new InvalidRequest(path + ": must be a string or a list of content parts");
    }
    if (content.isEmpty()) {
      throw new InvalidRequest(path + ": must hold at least one content part");
    }
    if (content.size() > RequestLimits.MAX_CONTENT_BLOCKS) {
      throw new InvalidRequest(
          path + ": must hold at most " + RequestLimits.MAX_CONTENT_BLOCKS + " content parts");
    }
    return content;
  }

  private static String partType(String path, JsonNode part) {
    if (part == null || !part.isObject()) {
      throw new InvalidRequest(path + ": must be an object");
    }
    return FunctionTools.text(path + ".type", part.get("type"), true);
  }

  private static TextBlock text(String path, String text) {
    return FieldPath.at(path, () -> new TextBlock(text));
  }
}
