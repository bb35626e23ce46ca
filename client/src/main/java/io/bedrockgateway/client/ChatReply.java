package io.bedrockgateway.client;

/**
 * The answer of a {@link BedrockService#converse} call: its text (the text blocks joined), why it
 * stopped ({@code end_turn}, {@code max_tokens}, ...), the model that served it, the usage, and the
 * route it took.
 */
public record ChatReply(String text, String stopReason, String model, Usage usage, Route route) {
  public ChatReply {
    if (text == null || stopReason == null || usage == null || route == null) {
      throw new IllegalArgumentException("a reply has a text, a stop reason, a usage and a route");
    }
  }

  ChatReply withRoute(Route newRoute) {
    return new ChatReply(text, stopReason, model, usage, newRoute);
  }
}
