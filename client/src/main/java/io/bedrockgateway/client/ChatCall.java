package io.bedrockgateway.client;

import java.util.List;

/** A chat call's arguments, checked once and with the model resolved, for both paths. */
record ChatCall(
    String model, List<ChatMessage> messages, String systemPrompt, ChatOptions options) {
  ChatCall {
    if (messages == null || messages.isEmpty()) {
      throw new IllegalArgumentException("messages: at least one message");
    }
    if (messages.size() > 1000) {
      throw new IllegalArgumentException("messages: at most 1000");
    }
    if (messages.getFirst().role() != ChatMessage.Role.USER) {
      throw new IllegalArgumentException("messages: the first message must be the user's");
    }
    messages = List.copyOf(messages);
    if (systemPrompt != null && systemPrompt.isBlank()) {
      systemPrompt = null;
    }
    options = options == null ? ChatOptions.DEFAULTS : options;
  }

  static ChatCall of(
      DefaultModels defaults,
      String model,
      List<ChatMessage> messages,
      String systemPrompt,
      ChatOptions options) {
    return new ChatCall(defaults.chatOr(model), messages, systemPrompt, options);
  }
}
