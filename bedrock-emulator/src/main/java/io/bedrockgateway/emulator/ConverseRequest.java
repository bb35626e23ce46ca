package io.bedrockgateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The parts of a valid Converse request that the emulator answers from.
 *
 * @param systemTexts the text of every system block
 * @param messages the conversation, starting with a user message and alternating roles
 * @param maxTokens {@code inferenceConfig.maxTokens}, if set
 * @param tools the tools of {@code toolConfig}, in order
 * @param cachedPrefix the prompt up to its last {@code cachePoint}, if it has one
 */
record ConverseRequest(
    List<String> systemTexts,
    List<ConversationMessage> messages,
    OptionalInt maxTokens,
    List<Tool> tools,
    Optional<CachedPrefix> cachedPrefix) {

  static final String USER = "user";

  /** What an image or a document counts as in the input tokens. */
  static final int ATTACHMENT_TOKENS = 1_600;

  ConverseRequest {
    systemTexts = List.copyOf(systemTexts);
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
  }

  /**
   * A message of the conversation: the text of its text blocks, and how many images and documents
   * it carries.
   */
  record ConversationMessage(String role, List<String> texts, int attachments) {
    ConversationMessage {
      texts = List.copyOf(texts);
    }
  }

  /**
   * The part of a prompt before its last cache point.
   *
   * @param content the prefix as sent (tools, system blocks, roles and content blocks), what the
   *     cache is keyed by
   * @param tokens its input tokens, counted as {@link #inputTokens()} counts (without the minimum
   *     of one)
   */
  record CachedPrefix(String content, int tokens) {}

  /** A tool the model may call, with the JSON schema of its input. */
  record Tool(String name, JsonNode inputSchema) {}

  /** The text blocks of the last user message, joined with a newline. */
  String lastUserText() {
    return messages.reversed().stream()
        .filter(message -> message.role().equals(USER))
        .findFirst()
        .map(message -> String.join("\n", message.texts()))
        .orElse("");
  }

  int inputTokens() {
    List<String> allTexts =
        Stream.concat(
                systemTexts.stream(),
                messages.stream().flatMap(message -> message.texts().stream()))
            .toList();
    int attachments = messages.stream().mapToInt(ConversationMessage::attachments).sum();
    return EmulatedUsage.inputTokens(allTexts) + attachments * ATTACHMENT_TOKENS;
  }
}
