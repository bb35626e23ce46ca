package io.bedrockgateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bedrock's checks of the content blocks beyond text: images, documents, tool use, tool results and
 * reasoning sent back. Paths are the service framework's ({@code
 * messages.1.member.content.2.member...}, 1-based).
 */
final class ContentBlocks {
  private static final List<String> IMAGE_FORMATS = List.of("png", "jpeg", "gif", "webp");
  private static final List<String> DOCUMENT_FORMATS =
      List.of("pdf", "csv", "doc", "docx", "xls", "xlsx", "html", "txt", "md");
  private static final List<String> TOOL_RESULT_STATUSES = List.of("success", "error");
  private static final List<String> CACHE_POINT_TYPES = List.of("default");
  static final String CACHE_POINT = "cachePoint";
  private static final String REASONING_CONTENT = "reasoningContent";
  private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  private static final Pattern DOCUMENT_NAME = Pattern.compile("[a-zA-Z0-9\\s()\\[\\]-]{1,200}");
  private static final Pattern DOUBLE_SPACE = Pattern.compile("\\s\\s");

  private ContentBlocks() {}

  /**
   * Checks one block of a message.
   *
   * @return how many images and documents it carries
   */
  static int check(JsonNode block, String path) {
    int attachments = 0;
    if (block.has("image")) {
      image(block.get("image"), path + ".image");
      attachments++;
    }
    if (block.has("document")) {
      document(block.get("document"), path + ".document");
      attachments++;
    }
    if (block.has("toolUse")) {
      toolUse(block.get("toolUse"), path + ".toolUse");
    }
    if (block.has("toolResult")) {
      attachments += toolResult(block.get("toolResult"), path + ".toolResult");
    }
    if (block.has(CACHE_POINT)) {
      cachePoint(block.get(CACHE_POINT), path + "." + CACHE_POINT);
    }
    if (block.has(REASONING_CONTENT)) {
      reasoning(block.get(REASONING_CONTENT), path + "." + REASONING_CONTENT);
    }
    return attachments;
  }

  /** The model's reasoning sent back: {@code reasoningText} with its text, or redacted bytes. */
  private static void reasoning(JsonNode reasoning, String path) {
    if (!reasoning.isObject()) {
      throw ConverseRequestParser.wrongType(path, "an object");
    }
    if (reasoning.has("reasoningText")) {
      JsonNode text = reasoning.get("reasoningText");
      if (!text.isObject()) {
        throw ConverseRequestParser.wrongType(path + ".reasoningText", "an object");
      }
      text(text.get("text"), path + ".reasoningText.text");
      return;
    }
    if (reasoning.has("redactedContent")) {
      bytes(reasoning.get("redactedContent"), path + ".redactedContent");
      return;
    }
    throw BedrockServiceException.validation(
        "The reasoningContent field at "
            + path
            + " is empty. Provide reasoningText or redactedContent and try again.");
  }

  /** A prompt-cache checkpoint, {@code {"type":"default"}}, the one type Bedrock has. */
  static void cachePoint(JsonNode cachePoint, String path) {
    if (!cachePoint.isObject()) {
      throw ConverseRequestParser.wrongType(path, "an object");
    }
    enumValue(cachePoint.get("type"), path + ".type", CACHE_POINT_TYPES);
  }

  /** Whether any message carries a tool use or a tool result. */
  static boolean usesTools(JsonNode messages) {
    for (JsonNode message : messages) {
      for (JsonNode block : message.path("content")) {
        if (block.has("toolUse") || block.has("toolResult")) {
          return true;
        }
      }
    }
    return false;
  }

  static String toolName(JsonNode name, String path) {
    String value = text(name, path);
    if (!TOOL_NAME.matcher(value).matches()) {
      throw ConverseRequestParser.constraintViolation(
          "'" + value + "'",
          path,
          "Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+");
    }
    return value;
  }

  private static void image(JsonNode image, String path) {
    enumValue(image.get("format"), path + ".format", IMAGE_FORMATS);
    source(image, path);
  }

  private static void document(JsonNode document, String path) {
    enumValue(document.get("format"), path + ".format", DOCUMENT_FORMATS);
    String name = text(document.get("name"), path + ".name");
    if (!DOCUMENT_NAME.matcher(name).matches() || DOUBLE_SPACE.matcher(name).find()) {
      throw BedrockServiceException.validation(
          "The document file name can only contain alphanumeric characters, whitespace"
              + " characters, hyphens, parentheses, and square brackets. The name can't contain"
              + " more than one consecutive whitespace character.");
    }
    source(document, path);
  }

  private static void toolUse(JsonNode toolUse, String path) {
    toolName(toolUse.get("toolUseId"), path + ".toolUseId");
    toolName(toolUse.get("name"), path + ".name");
    if (toolUse.get("input") == null || toolUse.get("input").isNull()) {
      throw ConverseRequestParser.mustNotBeNull(path + ".input");
    }
  }

  private static int toolResult(JsonNode result, String path) {
    toolName(result.get("toolUseId"), path + ".toolUseId");
    JsonNode content = result.get("content");
    if (content == null || !content.isArray() || content.isEmpty()) {
      throw ConverseRequestParser.mustNotBeNull(path + ".content");
    }
    JsonNode status = result.get("status");
    if (status != null) {
      enumValue(status, path + ".status", TOOL_RESULT_STATUSES);
    }
    int attachments = 0;
    for (int index = 0; index < content.size(); index++) {
      attachments += check(content.get(index), path + ".content." + (index + 1) + ".member");
    }
    return attachments;
  }

  private static void source(JsonNode block, String path) {
    bytes(block.path("source").get("bytes"), path + ".source.bytes");
  }

  private static void bytes(JsonNode bytes, String path) {
    if (bytes == null || bytes.isNull()) {
      throw ConverseRequestParser.mustNotBeNull(path);
    }
    if (!bytes.isTextual()) {
      throw ConverseRequestParser.wrongType(path, "base64-encoded bytes");
    }
    try {
      if (Base64.getDecoder().decode(bytes.asText()).length == 0) {
        throw ConverseRequestParser.constraintViolation(
            null, path, "Member must have length greater than or equal to 1");
      }
    } catch (IllegalArgumentException notBase64) {
      throw ConverseRequestParser.wrongType(path, "base64-encoded bytes");
    }
  }

  private static void enumValue(JsonNode value, String path, List<String> allowed) {
    String text = text(value, path);
    if (!allowed.contains(text)) {
      throw ConverseRequestParser.constraintViolation(
          "'" + text + "'",
          path,
          "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
    }
  }

  private static String text(JsonNode value, String path) {
    if (value == null || value.isNull()) {
      throw ConverseRequestParser.mustNotBeNull(path);
    }
    if (!value.isTextual()) {
      throw ConverseRequestParser.wrongType(path, "a string");
    }
    return value.asText();
  }
}
