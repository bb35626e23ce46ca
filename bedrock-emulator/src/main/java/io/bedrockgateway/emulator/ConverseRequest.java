package io.bedrockgateway.emulator;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The parts of a valid Converse request that the emulator answers from.
 *
 * @param systemTexts the text of every system block
 * @param messages the conversation, starting with a user message and alternating roles
 * @param maxTokens {@code inferenceConfig.maxTokens}, if set
 */
record ConverseRequest(
    List<String> systemTexts, List<ConversationMessage> messages, OptionalInt maxTokens) {

  static final String USER = "user";

  ConverseRequest {
    systemTexts = List.copyOf(systemTexts);
    messages = List.copyOf(messages);
  }

  /** A message of the conversation and the text of its text blocks. */
  record ConversationMessage(String role, List<String> texts) {
    ConversationMessage {
      texts = List.copyOf(texts);
    }
  }

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
    return EmulatedUsage.inputTokens(allTexts);
  }
}
