package io.bedrockgateway.adapter.http.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.bedrock.ConverseRequestJson.InferenceConfigJson;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.JsonValues;
import io.bedrockgateway.adapter.http.common.RequestLimits;
import io.bedrockgateway.adapter.http.common.converse.ContentBlockReader;
import io.bedrockgateway.adapter.http.common.converse.ToolConfigReader;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.SystemBlock;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns a Bedrock Converse body into the domain's {@link ChatRequest}, refusing what Bedrock
 * refuses (a {@code system} role, string content) and, by name, what the gateway does not carry
 * (guardrails, prompt variables, response field paths, output configuration) rather than dropping
 * it. Every rejection names its field, e.g. {@code messages[1].content[0].image.format}.
 */
final class ConverseRequestMapper {
  ChatRequest toChatRequest(ModelId model, ConverseRequestJson body) {
    refuseUnsupported("guardrailConfig", body.guardrailConfig());
    refuseUnsupported("promptVariables", body.promptVariables());
    refuseUnsupported(
        "additionalModelResponseFieldPaths", body.additionalModelResponseFieldPaths());
    refuseUnsupported("outputConfig", body.outputConfig());
    List<JsonNode> wireMessages = Optional.ofNullable(body.messages()).orElse(List.of());
    if (wireMessages.isEmpty()) {
      throw new InvalidRequest("messages: must hold at least one message");
    }
    if (wireMessages.size() > RequestLimits.MAX_MESSAGES) {
      throw new InvalidRequest(
          "messages: must hold at most " + RequestLimits.MAX_MESSAGES + " messages");
    }
    List<ChatMessage> messages = new ArrayList<>();
    for (int i = 0; i < wireMessages.size(); i++) {
      messages.add(message("messages[" + i + "]", wireMessages.get(i)));
    }
    Optional<JsonValue.JsonObject> additionalFields =
        object("additionalModelRequestFields", body.additionalModelRequestFields());
    return FieldPath.at(
        "",
        () ->
            new ChatRequest(
                Optional.of(model),
                messages,
                system(body.system()),
                parameters(body.inferenceConfig()),
                ToolConfigReader.read("toolConfig", body.toolConfig()),
                additionalFields));
  }

  private static ChatMessage message(String path, JsonNode message) {
    if (message == null || !message.isObject()) {
      throw new InvalidRequest(path + ": must be an object");
    }
    JsonNode role = message.get("role");
    Role author =
        Arrays.stream(Role.values())
            .filter(candidate -> role != null && candidate.wireName().equals(role.textValue()))
            .findFirst()
            .orElseThrow(() -> new InvalidRequest(path + ".role: must be user or assistant"));
    List<ContentBlock> content =
        ContentBlockReader.blocks(path + ".content", message.get("content"));
    return FieldPath.at(path + ".content", () -> new ChatMessage(author, content));
  }

  private static List<SystemBlock> system(JsonNode system) {
    if (system == null || system.isNull()) {
      return List.of();
    }
    if (system.isArray() && system.isEmpty()) {
      return List.of();
    }
    return ContentBlockReader.systemBlocks("system", ContentBlockReader.blocks("system", system));
  }

  private static InferenceParameters parameters(InferenceConfigJson config) {
    if (config == null) {
      return new InferenceParameters(
          Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }
    List<String> stopSequences = Optional.ofNullable(config.stopSequences()).orElse(List.of());
    for (int i = 0; i < stopSequences.size(); i++) {
      if (stopSequences.get(i) == null) {
        throw new InvalidRequest("inferenceConfig.stopSequences[" + i + "]: must be a string");
      }
    }
    return FieldPath.at(
        "inferenceConfig",
        () ->
            new InferenceParameters(
                Optional.ofNullable(config.maxTokens()),
                Optional.ofNullable(config.temperature()),
                Optional.ofNullable(config.topP()),
                stopSequences));
  }

  private static Optional<JsonValue.JsonObject> object(String field, JsonNode value) {
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw new InvalidRequest(field + ": must be an object");
    }
    return Optional.of((JsonValue.JsonObject) JsonValues.fromNode(value));
  }

  private static void refuseUnsupported(String field, JsonNode value) {
    if (value != null && !value.isNull()) {
      throw new InvalidRequest(
          field
              + ": is not supported through the gateway; send the request without it (the"
              + " gateway applies its own limits and keeps usage per key)");
    }
  }
}
