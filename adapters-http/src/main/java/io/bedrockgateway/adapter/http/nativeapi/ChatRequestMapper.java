package io.bedrockgateway.adapter.http.nativeapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.JsonValues;
import io.bedrockgateway.adapter.http.common.RequestLimits;
import io.bedrockgateway.adapter.http.common.converse.ContentBlockReader;
import io.bedrockgateway.adapter.http.common.converse.ToolConfigReader;
import io.bedrockgateway.adapter.http.nativeapi.ConverseRequestJson.MessageJson;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.SystemBlock;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.ToolConfig;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the wire request into the domain's {@link ChatRequest}. Every rejection is an {@link
 * InvalidRequest} whose message starts with the offending field, e.g. {@code messages[1].role}.
 */
public final class ChatRequestMapper {
  private static final String SYSTEM_ROLE = "system";
  private static final String WHOLE_REQUEST = "";

  public ChatRequest toChatRequest(ConverseRequestJson body) {
    List<MessageJson> wireMessages = Optional.ofNullable(body.messages()).orElse(List.of());
    if (wireMessages.isEmpty()) {
      throw new InvalidRequest("messages: must hold at least one message");
    }
    if (wireMessages.size() > RequestLimits.MAX_MESSAGES) {
      throw new InvalidRequest(
          "messages: must hold at most " + RequestLimits.MAX_MESSAGES + " messages");
    }
    List<SystemBlock> system = new ArrayList<>();
    if (body.systemPrompt() != null) {
      system.add(FieldPath.at("system_prompt", () -> new TextBlock(body.systemPrompt())));
    }
    List<ChatMessage> messages = new ArrayList<>();
    for (int i = 0; i < wireMessages.size(); i++) {
      String path = "messages[" + i + "]";
      MessageJson message = wireMessages.get(i);
      if (message == null) {
        throw new InvalidRequest(path + ": must be an object");
      }
      Optional<Role> role = chatRole(path + ".role", message.role());
      List<ContentBlock> content = content(path + ".content", message.content());
      if (role.isPresent()) {
        Role author = role.get();
        messages.add(FieldPath.at(path + ".content", () -> new ChatMessage(author, content)));
      } else {
        system.addAll(ContentBlockReader.systemBlocks(path + ".content", content));
      }
    }
    if (messages.isEmpty()) {
      throw new InvalidRequest("messages: must hold at least one user or assistant message");
    }
    Optional<ModelId> model =
        Optional.ofNullable(body.modelId())
            .map(id -> FieldPath.at("model_id", () -> new ModelId(id)));
    Optional<JsonValue.JsonObject> additionalFields = additionalFields(body);
    Optional<ToolConfig> tools = ToolConfigReader.read("tool_config", body.toolConfig());
    // the parameter rules name their wire fields (max_tokens, top_p, ...) in their own messages
    return FieldPath.at(
        WHOLE_REQUEST,
        () -> new ChatRequest(model, messages, system, parameters(body), tools, additionalFields));
  }

  private static Optional<JsonValue.JsonObject> additionalFields(ConverseRequestJson body) {
    JsonNode fields = body.additionalModelRequestFields();
    if (fields == null || fields.isNull()) {
      return Optional.empty();
    }
    if (!fields.isObject()) {
      throw new InvalidRequest("additional_model_request_fields: must be an object");
    }
    return Optional.of((JsonValue.JsonObject) JsonValues.fromNode(fields));
  }

  /** The author of a turn; empty for {@code system}, whose content joins the system prompts. */
  private static Optional<Role> chatRole(String path, String wireName) {
    if (SYSTEM_ROLE.equals(wireName)) {
      return Optional.empty();
    }
    for (Role role : Role.values()) {
      if (role.wireName().equals(wireName)) {
        return Optional.of(role);
      }
    }
    throw new InvalidRequest(path + ": must be user, assistant or system");
  }

  private static List<ContentBlock> content(String path, JsonNode content) {
    if (content != null && content.isTextual()) {
      return List.of(FieldPath.at(path, () -> new TextBlock(content.textValue())));
    }
    if (content == null || !content.isArray()) {
      throw new InvalidRequest(path + ": must be a string or a list of content blocks");
    }
    return ContentBlockReader.blocks(path, content);
  }

  private static InferenceParameters parameters(ConverseRequestJson body) {
    List<String> stopSequences = Optional.ofNullable(body.stopSequences()).orElse(List.of());
    for (int i = 0; i < stopSequences.size(); i++) {
      if (stopSequences.get(i) == null) {
        throw new InvalidRequest("stop_sequences[" + i + "]: must be a string");
      }
    }
    return new InferenceParameters(
        Optional.ofNullable(body.maxTokens()),
        Optional.ofNullable(body.temperature()),
        Optional.ofNullable(body.topP()),
        stopSequences);
  }
}
