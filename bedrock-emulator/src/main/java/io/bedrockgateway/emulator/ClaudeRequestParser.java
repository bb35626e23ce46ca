package io.bedrockgateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bedrockgateway.emulator.ConverseRequest.ConversationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the InvokeModel body of a Claude model (Anthropic's Messages format, {@code
 * "anthropic_version":"bedrock-2023-05-31"}) and rejects what Bedrock rejects, in its words: an
 * unknown top-level member ("extraneous key [x] is not permitted"), a beta Bedrock does not accept
 * ("invalid beta flag"), a missing required member, a wrong version.
 */
final class ClaudeRequestParser {

  static final String VERSION = "bedrock-2023-05-31";

  /** The top-level members Bedrock accepts in a Claude body. */
  static final Set<String> MEMBERS =
      Set.of(
          "anthropic_version",
          "anthropic_beta",
          "max_tokens",
          "messages",
          "system",
          "stop_sequences",
          "temperature",
          "top_p",
          "top_k",
          "tools",
          "tool_choice",
          "thinking",
          "metadata");

  /** The betas Bedrock accepts in {@code anthropic_beta}; any other is "invalid beta flag". */
  static final Set<String> BETAS =
      Set.of(
          "computer-use-2024-10-22",
          "computer-use-2025-01-24",
          "token-efficient-tools-2025-02-19",
          "interleaved-thinking-2025-05-14",
          "output-128k-2025-02-19",
          "dev-full-thinking-2025-05-14",
          "context-1m-2025-08-07",
          "context-management-2025-06-27",
          "effort-2025-11-24",
          "tool-search-tool-2025-10-19",
          "tool-examples-2025-10-29");

  private static final Set<String> ROLES = Set.of(ConverseRequest.USER, "assistant");
  private static final Set<String> ATTACHMENTS = Set.of("image", "document");
  private static final String CACHE_CONTROL = "cache_control";

  private ClaudeRequestParser() {}

  /**
   * @throws BedrockServiceException a ValidationException describing the first problem found
   */
  static ClaudeRequest parse(byte[] body) {
    JsonNode root = InvokeEndpoints.object(body);
    rejectExtraneousKeys(root);
    JsonNode version = root.get("anthropic_version");
    if (version == null) {
      throw malformed("#: required key [anthropic_version] not found");
    }
    if (!version.isTextual() || !version.asText().equals(VERSION)) {
      throw BedrockServiceException.validation("Invalid API version: " + version.asText());
    }
    checkBetas(root.get("anthropic_beta"));
    int maxTokens = positiveInteger(root, "max_tokens");
    List<String> systemTexts = systemTexts(root.get("system"));
    List<ConversationMessage> messages = messages(root.get("messages"));
    List<ConverseRequest.Tool> tools = tools(root.get("tools"));
    return new ClaudeRequest(
        new ConverseRequest(
            systemTexts, messages, OptionalInt.of(maxTokens), tools, cachedPrefix(root)),
        thinkingBudget(root.get("thinking")));
  }

  private static void rejectExtraneousKeys(JsonNode root) {
    StringBuilder problems = new StringBuilder();
    root.properties().stream()
        .map(Map.Entry::getKey)
        .filter(name -> !MEMBERS.contains(name))
        .forEach(
            name ->
                problems.append("#: extraneous key [").append(name).append("] is not permitted"));
    if (!problems.isEmpty()) {
      throw BedrockServiceException.validation(
          "Malformed input request: " + problems + ", please reformat your input and try again.");
    }
  }

  private static void checkBetas(JsonNode betas) {
    if (betas == null) {
      return;
    }
    if (!betas.isArray()) {
      throw malformed("#/anthropic_beta: expected type: JSONArray, found: " + typeOf(betas));
    }
    for (JsonNode beta : betas) {
      if (!beta.isTextual() || !BETAS.contains(beta.asText())) {
        throw BedrockServiceException.validation("invalid beta flag");
      }
    }
  }

  private static int positiveInteger(JsonNode root, String field) {
    JsonNode value = root.get(field);
    if (value == null) {
      throw malformed("#: required key [" + field + "] not found");
    }
    if (!value.isIntegralNumber()) {
      throw malformed("#/" + field + ": expected type: Integer, found: " + typeOf(value));
    }
    if (value.asLong() < 1 || !value.canConvertToInt()) {
      throw malformed("#/" + field + ": " + value.asText() + " is not greater or equal to 1");
    }
    return value.intValue();
  }

  private static List<String> systemTexts(JsonNode system) {
    if (system == null) {
      return List.of();
    }
    if (system.isTextual()) {
      return List.of(system.asText());
    }
    if (!system.isArray()) {
      throw malformed("#/system: expected type: JSONArray, found: " + typeOf(system));
    }
    List<String> texts = new ArrayList<>();
    for (int index = 0; index < system.size(); index++) {
      JsonNode block = system.get(index);
      if (!block.path("type").asText().equals("text") || !block.path("text").isTextual()) {
        throw malformed(
            "#/system/" + index + ": a system block is {\"type\":\"text\",\"text\":...}");
      }
      texts.add(block.get("text").asText());
    }
    return texts;
  }

  private static List<ConversationMessage> messages(JsonNode messages) {
    if (messages == null) {
      throw malformed("#: required key [messages] not found");
    }
    if (!messages.isArray()) {
      throw malformed("#/messages: expected type: JSONArray, found: " + typeOf(messages));
    }
    if (messages.isEmpty()) {
      throw malformed("#/messages: expected minimum item count: 1, found: 0");
    }
    List<ConversationMessage> conversation = new ArrayList<>();
    for (int index = 0; index < messages.size(); index++) {
      conversation.add(message(messages.get(index), "#/messages/" + index));
    }
    if (!conversation.getFirst().role().equals(ConverseRequest.USER)) {
      throw BedrockServiceException.validation(
          "messages: first message must use the \"user\" role");
    }
    return conversation;
  }

  private static ConversationMessage message(JsonNode message, String path) {
    String role = message.path("role").asText();
    if (!ROLES.contains(role)) {
      throw malformed(path + "/role: " + role + " is not a valid enum value");
    }
    JsonNode content = message.get("content");
    if (content == null) {
      throw malformed(path + ": required key [content] not found");
    }
    if (content.isTextual()) {
      return new ConversationMessage(role, List.of(content.asText()), 0);
    }
    if (!content.isArray()) {
      throw malformed(path + "/content: expected type: JSONArray, found: " + typeOf(content));
    }
    List<String> texts = new ArrayList<>();
    int attachments = 0;
    for (int index = 0; index < content.size(); index++) {
      JsonNode block = content.get(index);
      String type = block.path("type").asText();
      if (type.isEmpty()) {
        throw malformed(path + "/content/" + index + ": required key [type] not found");
      }
      if (type.equals("text")) {
        if (!block.path("text").isTextual()) {
          throw malformed(path + "/content/" + index + ": required key [text] not found");
        }
        texts.add(block.get("text").asText());
      } else if (ATTACHMENTS.contains(type)) {
        attachments++;
      }
    }
    return new ConversationMessage(role, texts, attachments);
  }

  private static List<ConverseRequest.Tool> tools(JsonNode tools) {
    if (tools == null) {
      return List.of();
    }
    if (!tools.isArray()) {
      throw malformed("#/tools: expected type: JSONArray, found: " + typeOf(tools));
    }
    List<ConverseRequest.Tool> declared = new ArrayList<>();
    for (int index = 0; index < tools.size(); index++) {
      JsonNode tool = tools.get(index);
      if (!tool.path("name").isTextual()) {
        throw malformed("#/tools/" + index + ": required key [name] not found");
      }
      declared.add(new ConverseRequest.Tool(tool.get("name").asText(), tool.path("input_schema")));
    }
    return declared;
  }

  private static OptionalInt thinkingBudget(JsonNode thinking) {
    if (thinking == null || !thinking.path("type").asText().equals("enabled")) {
      return OptionalInt.empty();
    }
    JsonNode budget = thinking.get("budget_tokens");
    if (budget == null || !budget.isIntegralNumber() || budget.asLong() < 1) {
      throw malformed("#/thinking: required key [budget_tokens] not found");
    }
    return OptionalInt.of(budget.intValue());
  }

  /**
   * The prompt up to and including its last block marked with {@code cache_control}, in the order
   * Claude reads it: tools, system, messages. The markers themselves are not part of the content
   * the cache is keyed by.
   */
  private static Optional<ConverseRequest.CachedPrefix> cachedPrefix(JsonNode root) {
    StringBuilder content = new StringBuilder();
    List<String> texts = new ArrayList<>();
    int attachments = 0;
    Optional<ConverseRequest.CachedPrefix> prefix = Optional.empty();
    List<JsonNode> blocks = new ArrayList<>();
    root.path("tools").forEach(blocks::add);
    JsonNode system = root.path("system");
    if (system.isTextual()) {
      blocks.add(system);
    } else {
      system.forEach(blocks::add);
    }
    for (JsonNode message : root.path("messages")) {
      blocks.add(JsonNodeFactory.instance.objectNode().put("role", message.path("role").asText()));
      JsonNode messageContent = message.path("content");
      if (messageContent.isTextual()) {
        blocks.add(messageContent);
      } else {
        messageContent.forEach(blocks::add);
      }
    }
    for (JsonNode block : blocks) {
      JsonNode unmarked = block;
      if (block.isObject()) {
        unmarked = block.deepCopy();
        ((ObjectNode) unmarked).remove(CACHE_CONTROL);
        if (block.path("type").asText().equals("text") && block.path("text").isTextual()) {
          texts.add(block.get("text").asText());
        }
        if (ATTACHMENTS.contains(block.path("type").asText())) {
          attachments++;
        }
      } else if (block.isTextual()) {
        texts.add(block.asText());
      }
      content.append(unmarked).append('\n');
      if (block.has(CACHE_CONTROL)) {
        int tokens = EmulatedUsage.tokens(texts) + attachments * ConverseRequest.ATTACHMENT_TOKENS;
        prefix = Optional.of(new ConverseRequest.CachedPrefix(content.toString(), tokens));
      }
    }
    return prefix;
  }

  private static String typeOf(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "String";
      case NUMBER -> node.isIntegralNumber() ? "Integer" : "BigDecimal";
      case BOOLEAN -> "Boolean";
      case ARRAY -> "JSONArray";
      case OBJECT -> "JSONObject";
      default -> "Null";
    };
  }

  private static BedrockServiceException malformed(String problem) {
    return BedrockServiceException.validation(
        "Malformed input request: " + problem + ", please reformat your input and try again.");
  }
}
