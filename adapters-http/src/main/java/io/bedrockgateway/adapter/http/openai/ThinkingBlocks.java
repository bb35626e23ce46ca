package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.RequestLimits;
import io.bedrockgateway.adapter.http.common.converse.ContentBlockReader;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.ReasoningBlock;
import io.bedrockgateway.domain.chat.RedactedReasoningBlock;
import io.bedrockgateway.domain.error.InvalidRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The model's reasoning on Chat Completions, which has no field for it, in the extension LiteLLM
 * made common: the text as the message's {@code reasoning_content} (DeepSeek's and vLLM's field
 * too), and each block whole as {@code thinking_blocks} entries, {@code {"type":"thinking",
 * "thinking","signature"}} or {@code {"type":"redacted_thinking","data":"<base64>"}}. An assistant
 * message sent back with its {@code thinking_blocks} gives the model its signed reasoning again, as
 * Claude needs when thinking with tools; {@code reasoning_content} alone carries no signature and
 * is not sent back.
 */
final class ThinkingBlocks {
  private ThinkingBlocks() {}

  /** One block as a {@code thinking_blocks} entry; empty for what is not reasoning. */
  static Optional<ChatJson.ThinkingBlock> of(ContentBlock block) {
    return switch (block) {
      case ReasoningBlock reasoning ->
          Optional.of(
              new ChatJson.ThinkingBlock(
                  "thinking", reasoning.text(), reasoning.signature().orElse(null), null));
      case RedactedReasoningBlock redacted ->
          Optional.of(
              new ChatJson.ThinkingBlock(
                  "redacted_thinking",
                  null,
                  null,
                  Base64.getEncoder().encodeToString(redacted.data().bytes())));
      default -> Optional.empty();
    };
  }

  /** An assistant message's {@code thinking_blocks}, if it has any, as the model gave them. */
  static List<ContentBlock> read(String path, JsonNode blocks) {
    if (blocks == null || blocks.isNull()) {
      return List.of();
    }
    if (!blocks.isArray()) {
      throw new InvalidRequest(path + ": must be a list");
    }
    if (blocks.size() > RequestLimits.MAX_CONTENT_BLOCKS) {
      throw new InvalidRequest(
          path + ": must hold at most " + RequestLimits.MAX_CONTENT_BLOCKS + " blocks");
    }
    List<ContentBlock> reasoning = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      reasoning.add(block(path + "[" + i + "]", blocks.get(i)));
    }
    return reasoning;
  }

  private static ContentBlock block(String path, JsonNode block) {
    if (block == null || !block.isObject()) {
      throw new InvalidRequest(path + ": must be an object");
    }
    String type = FunctionTools.text(path + ".type", block.get("type"), true);
    return switch (type) {
      case "thinking" -> {
        String text = FunctionTools.text(path + ".thinking", block.get("thinking"), true);
        Optional<String> signature =
            Optional.ofNullable(
                    FunctionTools.text(path + ".signature", block.get("signature"), false))
                .filter(signed -> !signed.isBlank());
        yield FieldPath.at(path, () -> new ReasoningBlock(text, signature));
      }
      case "redacted_thinking" ->
          new RedactedReasoningBlock(ContentBlockReader.bytes(path + ".data", block.get("data")));
      default -> throw new InvalidRequest(path + ".type: must be thinking or redacted_thinking");
    };
  }
}
