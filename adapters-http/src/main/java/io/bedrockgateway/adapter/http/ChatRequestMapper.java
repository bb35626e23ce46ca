package io.bedrockgateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.ConverseRequestJson.MessageJson;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.error.InvalidRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns the wire request into the domain's {@link ChatRequest}. Every rejection is an {@link
 * InvalidRequest} whose message starts with the offending field, e.g. {@code messages[1].role}.
 */
final class ChatRequestMapper {
  private static final String SYSTEM_ROLE = "system";
  private static final String WHOLE_REQUEST = "";

  ChatRequest toChatRequest(ConverseRequestJson body) {
    if (body.toolConfig() != null && !body.toolConfig().isNull()) {
      throw new InvalidRequest("tool_config is not supported yet");
    }
    List<MessageJson> wireMessages = Optional.ofNullable(body.messages()).orElse(List.of());
    if (wireMessages.isEmpty()) {
      throw new InvalidRequest("messages: must hold at least one message");
    }
    List<String> system = new ArrayList<>();
    if (body.systemPrompt() != null) {
      system.add(at("system_prompt", () -> new TextBlock(body.systemPrompt())).text());
    }
    List<ChatMessage> messages = new ArrayList<>();
    for (int i = 0; i < wireMessages.size(); i++) {
      String path = "messages[" + i + "]";
      MessageJson message = wireMessages.get(i);
      if (message == null) {
        throw new InvalidRequest(path + ": must be an object");
      }
      Optional<Role> role = chatRole(path + ".role", message.role());
      List<TextBlock> content = content(path + ".content", message.content());
      role.ifPresentOrElse(
          author -> messages.add(new ChatMessage(author, List.copyOf(content))),
          () -> content.forEach(block -> system.add(block.text())));
    }
    if (messages.isEmpty()) {
      throw new InvalidRequest("messages: must hold at least one user or assistant message");
    }
    Optional<ModelId> model =
        Optional.ofNullable(body.modelId()).map(id -> at("model_id", () -> new ModelId(id)));
    // the parameter rules name their wire fields (max_tokens, top_p, ...) in their own messages
    return at(WHOLE_REQUEST, () -> new ChatRequest(model, messages, system, parameters(body)));
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

  private static List<TextBlock> content(String path, JsonNode content) {
    if (content != null && content.isTextual()) {
      return List.of(at(path, () -> new TextBlock(content.textValue())));
    }
    if (content == null || !content.isArray()) {
      throw new InvalidRequest(path + ": must be a string or a list of content blocks");
    }
    if (content.isEmpty()) {
      throw new InvalidRequest(path + ": must hold at least one content block");
    }
    List<TextBlock> blocks = new ArrayList<>();
    for (int i = 0; i < content.size(); i++) {
      blocks.add(textBlock(path + "[" + i + "]", content.get(i)));
    }
    return blocks;
  }

  private static TextBlock textBlock(String path, JsonNode block) {
    if (block == null || !block.isObject()) {
      throw new InvalidRequest(path + ": must be an object");
    }
    JsonNode text = block.get("text");
    if (text == null) {
      throw new InvalidRequest(path + ": only text blocks are supported");
    }
    if (!text.isTextual()) {
      throw new InvalidRequest(path + ".text: must be a string");
    }
    return at(path + ".text", () -> new TextBlock(text.textValue()));
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

  /** Runs a domain constructor and reports its complaint against {@code path}. */
  private static <T> T at(String path, Supplier<T> construction) {
    try {
      return construction.get();
    } catch (IllegalArgumentException invalid) {
      throw new InvalidRequest(
          path.isEmpty() ? invalid.getMessage() : path + ": " + invalid.getMessage());
    }
  }
}
