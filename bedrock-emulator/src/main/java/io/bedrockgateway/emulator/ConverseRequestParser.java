package io.bedrockgateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.emulator.ConverseRequest.ConversationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a Converse request body and rejects what Bedrock rejects, with Bedrock's wording: shape
 * constraints in the service framework's "1 validation error detected" form (1-based member
 * indexes), and the conversation rules in Bedrock's own sentences (0-based indexes).
 */
final class ConverseRequestParser {

  private static final Set<String> ROLES = Set.of(ConverseRequest.USER, "assistant");
  private static final int MAX_STOP_SEQUENCES = 4;

  private ConverseRequestParser() {}

  /**
   * @throws BedrockServiceException a ValidationException describing the first problem found
   */
  static ConverseRequest parse(byte[] body) {
    return parse(InvokeEndpoints.object(body));
  }

  /**
   * @param root the body's JSON object
   * @throws BedrockServiceException a ValidationException describing the first problem found
   */
  static ConverseRequest parse(JsonNode root) {
    rejectNullMembers(root);
    List<String> systemTexts = systemTexts(root.get("system"));
    List<ConversationMessage> messages = messages(root.get("messages"));
    OptionalInt maxTokens = inferenceConfig(root.get("inferenceConfig"));
    List<ConverseRequest.Tool> tools = toolConfig(root.get("toolConfig"));
    checkConversationOrder(messages);
    if (tools.isEmpty() && ContentBlocks.usesTools(root.get("messages"))) {
      throw BedrockServiceException.validation(
          "The toolConfig field must be defined when using toolUse and toolResult content blocks.");
    }
    return new ConverseRequest(systemTexts, messages, maxTokens, tools, cachedPrefix(root));
  }

  /**
   * The prompt up to its last cache point, in the order a model reads it: tools, system, messages.
   * Only text and attachments count towards its tokens, as they do towards the input tokens.
   */
  private static Optional<ConverseRequest.CachedPrefix> cachedPrefix(JsonNode root) {
    StringBuilder content = new StringBuilder();
    List<String> texts = new ArrayList<>();
    int attachments = 0;
    Optional<ConverseRequest.CachedPrefix> prefix = Optional.empty();
    for (JsonNode tool : root.path("toolConfig").path("tools")) {
      if (tool.has(ContentBlocks.CACHE_POINT)) {
        prefix = Optional.of(new ConverseRequest.CachedPrefix(content.toString(), 0));
      } else {
        content.append(tool).append('\n');
      }
    }
    List<JsonNode> blocks = new ArrayList<>();
    root.path("system").forEach(blocks::add);
    for (JsonNode message : root.path("messages")) {
      blocks.add(message.get("role"));
      message.path("content").forEach(blocks::add);
    }
    for (JsonNode block : blocks) {
      if (block.has(ContentBlocks.CACHE_POINT)) {
        int tokens = EmulatedUsage.tokens(texts) + attachments * ConverseRequest.ATTACHMENT_TOKENS;
        prefix = Optional.of(new ConverseRequest.CachedPrefix(content.toString(), tokens));
        continue;
      }
      content.append(block).append('\n');
      if (block.path("text").isTextual()) {
        texts.add(block.get("text").asText());
      }
      if (block.isObject()) {
        attachments += ContentBlocks.check(block, "prefix");
      }
    }
    return prefix;
  }

  private static void rejectNullMembers(JsonNode root) {
    for (Map.Entry<String, JsonNode> member : root.properties()) {
      if (member.getValue().isNull()) {
        throw mustNotBeNull(member.getKey());
      }
    }
  }

  private static List<String> systemTexts(JsonNode system) {
    if (system == null) {
      return List.of();
    }
    JsonNode blocks = list(system, "system");
    List<String> texts = new ArrayList<>();
    for (int index = 0; index < blocks.size(); index++) {
      String path = "system." + index;
      object(blocks.get(index), path);
      optionalText(blocks.get(index), path, "SystemContentBlock").ifPresent(texts::add);
      if (blocks.get(index).has(ContentBlocks.CACHE_POINT)) {
        ContentBlocks.cachePoint(
            blocks.get(index).get(ContentBlocks.CACHE_POINT),
            "system." + (index + 1) + ".member.cachePoint");
      }
    }
    return texts;
  }

  private static List<ConversationMessage> messages(JsonNode messages) {
    if (messages == null) {
      throw mustNotBeNull("messages");
    }
    if (list(messages, "messages").isEmpty()) {
      throw constraintViolation(
          null, "messages", "Member must have length greater than or equal to 1");
    }
    List<ConversationMessage> conversation = new ArrayList<>();
    for (int index = 0; index < messages.size(); index++) {
      conversation.add(message(messages.get(index), index));
    }
    return conversation;
  }

  private static ConversationMessage message(JsonNode message, int index) {
    String path = "messages." + index;
    String memberPath = "messages." + (index + 1) + ".member";
    object(message, path);
    JsonNode role = message.get("role");
    if (role == null || role.isNull()) {
      throw mustNotBeNull(memberPath + ".role");
    }
    if (!role.isTextual() || !ROLES.contains(role.asText())) {
      throw constraintViolation(
          "'" + role.asText() + "'",
          memberPath + ".role",
          "Member must satisfy enum value set: [user, assistant]");
    }
    JsonNode content = message.get("content");
    if (content == null || content.isNull()) {
      throw mustNotBeNull(memberPath + ".content");
    }
    if (list(content, path + ".content").isEmpty()) {
      throw BedrockServiceException.validation(
          "The content field in the Message object at "
              + path
              + " is empty. Add a ContentBlock object to the content field and try again.");
    }
    List<String> texts = new ArrayList<>();
    int attachments = 0;
    for (int blockIndex = 0; blockIndex < content.size(); blockIndex++) {
      String blockPath = path + ".content." + blockIndex;
      JsonNode block = content.get(blockIndex);
      object(block, blockPath);
      optionalText(block, blockPath, "ContentBlock").ifPresent(texts::add);
      attachments +=
          ContentBlocks.check(block, memberPath + ".content." + (blockIndex + 1) + ".member");
    }
    return new ConversationMessage(role.asText(), texts, attachments);
  }

  private static Optional<String> optionalText(JsonNode block, String path, String blockType) {
    JsonNode text = block.get("text");
    if (text == null) {
      return Optional.empty();
    }
    if (!text.isTextual()) {
      throw wrongType(path + ".text", "a string");
    }
    if (text.asText().isBlank()) {
      throw BedrockServiceException.validation(
          "The text field in the "
              + blockType
              + " object at "
              + path
              + " is blank. Add text to the text field, and try again.");
    }
    return Optional.of(text.asText());
  }

  private static OptionalInt inferenceConfig(JsonNode config) {
    if (config == null) {
      return OptionalInt.empty();
    }
    object(config, "inferenceConfig");
    checkUnitInterval(config.get("temperature"), "inferenceConfig.temperature");
    checkUnitInterval(config.get("topP"), "inferenceConfig.topP");
    JsonNode stopSequences = config.get("stopSequences");
    if (stopSequences != null
        && list(stopSequences, "inferenceConfig.stopSequences").size() > MAX_STOP_SEQUENCES) {
      throw constraintViolation(
          null,
          "inferenceConfig.stopSequences",
          "Member must have length less than or equal to " + MAX_STOP_SEQUENCES);
    }
    JsonNode maxTokens = config.get("maxTokens");
    if (maxTokens == null || maxTokens.isNull()) {
      return OptionalInt.empty();
    }
    if (!maxTokens.isIntegralNumber() || !maxTokens.canConvertToInt()) {
      throw wrongType("inferenceConfig.maxTokens", "an integer");
    }
    if (maxTokens.intValue() < 1) {
      throw constraintViolation(
          "'" + maxTokens.intValue() + "'",
          "inferenceConfig.maxTokens",
          "Member must have value greater than or equal to 1");
    }
    return OptionalInt.of(maxTokens.intValue());
  }

  private static void checkUnitInterval(JsonNode value, String path) {
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.isNumber()) {
      throw wrongType(path, "a number");
    }
    if (value.doubleValue() < 0) {
      throw constraintViolation(
          "'" + value.asText() + "'", path, "Member must have value greater than or equal to 0");
    }
    if (value.doubleValue() > 1) {
      throw constraintViolation(
          "'" + value.asText() + "'", path, "Member must have value less than or equal to 1");
    }
  }

  private static List<ConverseRequest.Tool> toolConfig(JsonNode toolConfig) {
    if (toolConfig == null) {
      return List.of();
    }
    object(toolConfig, "toolConfig");
    JsonNode tools = toolConfig.get("tools");
    if (tools == null || tools.isNull()) {
      throw mustNotBeNull("toolConfig.tools");
    }
    if (list(tools, "toolConfig.tools").isEmpty()) {
      throw constraintViolation(
          null, "toolConfig.tools", "Member must have length greater than or equal to 1");
    }
    List<ConverseRequest.Tool> specs = new ArrayList<>();
    for (int index = 0; index < tools.size(); index++) {
      String path = "toolConfig.tools." + (index + 1) + ".member";
      if (tools.get(index).has(ContentBlocks.CACHE_POINT)) {
        ContentBlocks.cachePoint(
            tools.get(index).get(ContentBlocks.CACHE_POINT), path + ".cachePoint");
        continue;
      }
      JsonNode spec = tools.get(index).path("toolSpec");
      if (spec.isMissingNode()) {
        continue;
      }
      String name = ContentBlocks.toolName(spec.get("name"), path + ".toolSpec.name");
      JsonNode schema = spec.path("inputSchema").get("json");
      if (schema == null || !schema.isObject()) {
        throw mustNotBeNull(path + ".toolSpec.inputSchema.json");
      }
      specs.add(new ConverseRequest.Tool(name, schema));
    }
    return specs;
  }

  private static void checkConversationOrder(List<ConversationMessage> messages) {
    if (!messages.getFirst().role().equals(ConverseRequest.USER)) {
      throw BedrockServiceException.validation(
          "A conversation must start with a user message. Try again with a conversation that"
              + " starts with a user message.");
    }
    for (int index = 1; index < messages.size(); index++) {
      if (messages.get(index).role().equals(messages.get(index - 1).role())) {
        throw BedrockServiceException.validation(
            "A conversation must alternate between user and assistant roles. Make sure the"
                + " conversation alternates between user and assistant roles and try again.");
      }
    }
  }

  private static JsonNode list(JsonNode node, String path) {
    if (!node.isArray()) {
      throw wrongType(path, "a list");
    }
    return node;
  }

  private static void object(JsonNode node, String path) {
    if (!node.isObject()) {
      throw wrongType(path, "an object");
    }
  }

  static BedrockServiceException wrongType(String path, String expected) {
    return BedrockServiceException.validation(
        "The format of the value at "
            + path
            + " is invalid. Provide "
            + expected
            + " for the field and try again.");
  }

  static BedrockServiceException mustNotBeNull(String path) {
    return constraintViolation("null", path, "Member must not be null");
  }

  /**
   * @param renderedValue the offending value as the service framework shows it, or null for values
   *     it does not show (lists)
   */
  static BedrockServiceException constraintViolation(
      String renderedValue, String path, String constraint) {
    String value = renderedValue == null ? "Value" : "Value " + renderedValue;
    return BedrockServiceException.validation(
        "1 validation error detected: "
            + value
            + " at '"
            + path
            + "' failed to satisfy constraint: "
            + constraint);
  }
}
