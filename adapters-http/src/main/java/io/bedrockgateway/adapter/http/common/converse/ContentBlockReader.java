package io.bedrockgateway.adapter.http.common.converse;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.JsonValues;
import io.bedrockgateway.adapter.http.common.RequestLimits;
import io.bedrockgateway.domain.chat.CachePoint;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.DocumentBlock;
import io.bedrockgateway.domain.chat.DocumentFormat;
import io.bedrockgateway.domain.chat.ImageBlock;
import io.bedrockgateway.domain.chat.JsonBlock;
import io.bedrockgateway.domain.chat.ReasoningBlock;
import io.bedrockgateway.domain.chat.RedactedReasoningBlock;
import io.bedrockgateway.domain.chat.SystemBlock;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.ToolResultBlock;
import io.bedrockgateway.domain.chat.ToolResultContent;
import io.bedrockgateway.domain.chat.ToolUseBlock;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.media.BinaryData;
import io.bedrockgateway.domain.media.ImageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads content blocks in Bedrock's Converse shape ({@code {"text"}}, {@code {"image"}}, {@code
 * {"document"}}, {@code {"toolUse"}}, {@code {"toolResult"}}, {@code
 * {"cachePoint":{"type":"default"}}}, {@code {"reasoningContent"}} of an assistant turn), binary
 * sources base64-encoded. Rejections name the field, e.g. {@code
 * messages[0].content[1].image.format}.
 */
public final class ContentBlockReader {
  public static final String CACHE_POINT = "cachePoint";
  private static final String REASONING_CONTENT = "reasoningContent";
  private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]");

  private ContentBlockReader() {}

  /** A turn's content: a list of 1 to {@link RequestLimits#MAX_CONTENT_BLOCKS} blocks. */
  public static List<ContentBlock> blocks(String path, JsonNode content) {
    if (content == null || !content.isArray()) {
      throw new InvalidRequest(path + ": must be a list of content blocks");
    }
    if (content.isEmpty()) {
      throw new InvalidRequest(path + ": must hold at least one content block");
    }
    if (content.size() > RequestLimits.MAX_CONTENT_BLOCKS) {
      throw new InvalidRequest(
          path + ": must hold at most " + RequestLimits.MAX_CONTENT_BLOCKS + " content blocks");
    }
    List<ContentBlock> blocks = new ArrayList<>();
    for (int i = 0; i < content.size(); i++) {
      blocks.add(block(path + "[" + i + "]", content.get(i)));
    }
    return blocks;
  }

  /** A system prompt's blocks: text and prompt-cache checkpoints only. */
  public static List<SystemBlock> systemBlocks(String path, List<ContentBlock> content) {
    List<SystemBlock> blocks = new ArrayList<>();
    for (int i = 0; i < content.size(); i++) {
      switch (content.get(i)) {
        case TextBlock text -> blocks.add(text);
        case CachePoint cachePoint -> blocks.add(cachePoint);
        default ->
            throw new InvalidRequest(
                path + "[" + i + "]: system content holds text and cachePoint only");
      }
    }
    return blocks;
  }

  public static ContentBlock block(String path, JsonNode block) {
    requireObject(path, block);
    if (block.has("text")) {
      return text(path + ".text", block.get("text"));
    }
    if (block.has("image")) {
      return image(path + ".image", block.get("image"));
    }
    if (block.has("document")) {
      return document(path + ".document", block.get("document"));
    }
    if (block.has("toolUse")) {
      JsonNode toolUse = block.get("toolUse");
      requireObject(path + ".toolUse", toolUse);
      JsonNode input = toolUse.get("input");
      if (input == null) {
        throw new InvalidRequest(path + ".toolUse.input: is required");
      }
      return FieldPath.at(
          path + ".toolUse",
          () ->
              new ToolUseBlock(
                  string(path + ".toolUse.toolUseId", toolUse.get("toolUseId")),
                  string(path + ".toolUse.name", toolUse.get("name")),
                  JsonValues.fromNode(input)));
    }
    if (block.has("toolResult")) {
      return toolResult(path + ".toolResult", block.get("toolResult"));
    }
    if (block.has(CACHE_POINT)) {
      return cachePoint(path + "." + CACHE_POINT, block.get(CACHE_POINT));
    }
    if (block.has(REASONING_CONTENT)) {
      return reasoning(path + "." + REASONING_CONTENT, block.get(REASONING_CONTENT));
    }
    throw new InvalidRequest(
        path
            + ": must hold one of text, image, document, toolUse, toolResult, cachePoint or"
            + " reasoningContent");
  }

  /**
   * Reasoning a model gave, sent back: {@code {"reasoningText":{"text","signature"}}} or {@code
   * {"redactedContent":"<base64>"}}. The signature is kept byte for byte, as the model checks it.
   */
  private static ContentBlock reasoning(String path, JsonNode reasoning) {
    requireObject(path, reasoning);
    if (reasoning.has("reasoningText")) {
      String textPath = path + ".reasoningText";
      JsonNode text = reasoning.get("reasoningText");
      requireObject(textPath, text);
      String thought = string(textPath + ".text", text.get("text"));
      JsonNode signature = text.get("signature");
      Optional<String> signed =
          signature == null || signature.isNull()
              ? Optional.empty()
              : Optional.of(string(textPath + ".signature", signature));
      return FieldPath.at(textPath, () -> new ReasoningBlock(thought, signed));
    }
    if (reasoning.has("redactedContent")) {
      return new RedactedReasoningBlock(
          bytes(path + ".redactedContent", reasoning.get("redactedContent")));
    }
    throw new InvalidRequest(path + ": must hold reasoningText or redactedContent");
  }

  /** {@code {"type":"default"}}, the one kind of prompt-cache checkpoint Bedrock has. */
  public static CachePoint cachePoint(String path, JsonNode cachePoint) {
    requireObject(path, cachePoint);
    if (!"default".equals(string(path + ".type", cachePoint.get("type")))) {
      throw new InvalidRequest(path + ".type: must be default");
    }
    return new CachePoint();
  }

  private static ToolResultBlock toolResult(String path, JsonNode result) {
    requireObject(path, result);
    JsonNode content = result.get("content");
    if (content == null || !content.isArray() || content.isEmpty()) {
      throw new InvalidRequest(path + ".content: must be a list of at least one block");
    }
    if (content.size() > RequestLimits.MAX_CONTENT_BLOCKS) {
      throw new InvalidRequest(
          path + ".content: must hold at most " + RequestLimits.MAX_CONTENT_BLOCKS + " blocks");
    }
    List<ToolResultContent> parts = new ArrayList<>();
    for (int index = 0; index < content.size(); index++) {
      String partPath = path + ".content[" + index + "]";
      JsonNode part = content.get(index);
      requireObject(partPath, part);
      if (part.has("json")) {
        parts.add(new JsonBlock(JsonValues.fromNode(part.get("json"))));
      } else if (block(partPath, part) instanceof ToolResultContent allowed) {
        parts.add(allowed);
      } else {
        throw new InvalidRequest(partPath + ": must hold one of json, text, image or document");
      }
    }
    Optional<ToolResultBlock.Status> status =
        Optional.ofNullable(result.get("status"))
            .map(
                value ->
                    choice(
                        path + ".status",
                        value,
                        name ->
                            Arrays.stream(ToolResultBlock.Status.values())
                                .filter(candidate -> candidate.wireName().equals(name))
                                .findFirst(),
                        "success or error"));
    return FieldPath.at(
        path,
        () ->
            new ToolResultBlock(
                string(path + ".toolUseId", result.get("toolUseId")), parts, status));
  }

  private static TextBlock text(String path, JsonNode text) {
    return FieldPath.at(path, () -> new TextBlock(string(path, text)));
  }

  private static ImageBlock image(String path, JsonNode image) {
    requireObject(path, image);
    ImageFormat format =
        choice(
            path + ".format",
            image.get("format"),
            ImageFormat::fromWireName,
            "png, jpeg, gif or webp");
    return new ImageBlock(format, bytes(path + ".source.bytes", image.path("source").get("bytes")));
  }

  private static DocumentBlock document(String path, JsonNode document) {
    requireObject(path, document);
    DocumentFormat format =
        choice(
            path + ".format",
            document.get("format"),
            DocumentFormat::fromWireName,
            "pdf, csv, doc, docx, xls, xlsx, html, txt or md");
    String name = string(path + ".name", document.get("name"));
    BinaryData data = bytes(path + ".source.bytes", document.path("source").get("bytes"));
    return FieldPath.at(path + ".name", () -> new DocumentBlock(format, name, data));
  }

  /** Base64 bytes, as a client sends an image or a file. */
  public static BinaryData bytes(String path, JsonNode value) {
    return decode(path, string(path, value));
  }

  public static BinaryData decode(String path, String encoded) {
    if (encoded == null) {
      throw new InvalidRequest(path + ": is required");
    }
    byte[] decoded;
    try {
      // line breaks, as some encoders wrap base64, are not part of the data
      decoded = Base64.getDecoder().decode(LINE_BREAKS.matcher(encoded).replaceAll(""));
    } catch (IllegalArgumentException notBase64) {
      throw new InvalidRequest(path + ": must be base64-encoded");
    }
    return FieldPath.at(path, () -> new BinaryData(decoded));
  }

  private static <T> T choice(
      String path, JsonNode value, Function<String, Optional<T>> lookup, String allowed) {
    return lookup
        .apply(string(path, value))
        .orElseThrow(() -> new InvalidRequest(path + ": must be " + allowed));
  }

  public static String string(String path, JsonNode value) {
    if (value == null || value.isNull()) {
      throw new InvalidRequest(path + ": is required");
    }
    if (!value.isTextual()) {
      throw new InvalidRequest(path + ": must be a string");
    }
    return value.textValue();
  }

  private static void requireObject(String path, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new InvalidRequest(path + ": must be an object");
    }
  }
}
