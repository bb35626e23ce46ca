package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.ReasoningBlock;
import io.bedrockgateway.domain.chat.RedactedReasoningBlock;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.media.BinaryData;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The model's reasoning as the Responses API's {@code reasoning} items: its text as the one {@code
 * summary_text} of {@code summary}, and the whole block, signature included, in {@code
 * encrypted_content}, an opaque value a stateless client sends back with the item so that the model
 * gets its reasoning again unchanged. The value is not encrypted: the text is the client's to read
 * anyway, and the model's signature refuses any change. A {@code reasoning} item without a value of
 * this gateway's (another model's) is left out of the conversation, as Bedrock could not read it.
 *
 * <p>The value is {@code bgw1.t.<signature>.<text>} for reasoning text and {@code bgw1.r.<bytes>}
 * for redacted reasoning, each part base64url without padding.
 */
final class ReasoningItems {
  private static final String VERSION = "bgw1";
  private static final String TEXT = "t";
  private static final String REDACTED = "r";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private ReasoningItems() {}

  /** The output item of a reasoning block; empty for what is not reasoning. */
  static Optional<ResponsesJson.ReasoningItem> item(String id, ContentBlock block) {
    return switch (block) {
      case ReasoningBlock reasoning -> Optional.of(item(id, reasoning));
      case RedactedReasoningBlock redacted ->
          Optional.of(
              new ResponsesJson.ReasoningItem(
                  "reasoning", id, List.of(), sealed(redacted), "completed"));
      default -> Optional.empty();
    };
  }

  static ResponsesJson.ReasoningItem item(String id, ReasoningBlock reasoning) {
    return new ResponsesJson.ReasoningItem(
        "reasoning",
        id,
        reasoning.text().isEmpty() ? List.of() : List.of(summary(reasoning.text())),
        sealed(reasoning),
        "completed");
  }

  static ResponsesJson.SummaryText summary(String text) {
    return new ResponsesJson.SummaryText("summary_text", text);
  }

  static String sealed(ReasoningBlock reasoning) {
    return String.join(
        ".",
        VERSION,
        TEXT,
        reasoning.signature().map(ReasoningItems::encode).orElse(""),
        encode(reasoning.text()));
  }

  static String sealed(RedactedReasoningBlock redacted) {
    return String.join(".", VERSION, REDACTED, ENCODER.encodeToString(redacted.data().bytes()));
  }

  /**
   * The reasoning block an input item's {@code encrypted_content} holds; empty when it holds none
   * of this gateway's.
   *
   * @throws InvalidRequest a value of this gateway's that was damaged
   */
  static Optional<ContentBlock> open(String path, JsonNode encrypted) {
    String value = FunctionTools.text(path, encrypted, false);
    if (value == null || !value.startsWith(VERSION + ".")) {
      return Optional.empty();
    }
    String[] parts = value.split("\\.", -1);
    try {
      if (parts.length == 4 && parts[1].equals(TEXT)) {
        Optional<String> signature =
            parts[2].isEmpty() ? Optional.empty() : Optional.of(decode(parts[2]));
        String text = decode(parts[3]);
        return Optional.of(FieldPath.at(path, () -> new ReasoningBlock(text, signature)));
      }
      if (parts.length == 3 && parts[1].equals(REDACTED)) {
        byte[] bytes = DECODER.decode(parts[2]);
        return Optional.of(
            FieldPath.at(path, () -> new RedactedReasoningBlock(new BinaryData(bytes))));
      }
    } catch (IllegalArgumentException notBase64) {
      // refused below
    }
    throw new InvalidRequest(
        path + ": is not the reasoning this gateway gave; send the item back unchanged");
  }

  private static String encode(String text) {
    return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String part) {
    return new String(DECODER.decode(part), StandardCharsets.UTF_8);
  }
}
