package io.bedrockgateway.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A path whose calls answer, or fail, as the test scripts them (one step a call; once the script is
 * used up, calls answer), counting how often it was called.
 */
final class ScriptedService implements BedrockService {
  private final Path path;
  private final Deque<Supplier<RuntimeException>> script = new ArrayDeque<>();
  int calls;

  ScriptedService(Path path) {
    this.path = path;
  }

  ScriptedService thenFail(Supplier<RuntimeException> failure) {
    script.add(failure);
    return this;
  }

  private Route route() {
    return Route.decided(path, RouteReason.IN_GATEWAY_SHARE, 0);
  }

  private void step() {
    calls++;
    Supplier<RuntimeException> next = script.poll();
    if (next != null) {
      throw next.get();
    }
  }

  @Override
  public StreamResult converseStream(
      String model,
      List<ChatMessage> messages,
      String systemPrompt,
      ChatOptions options,
      StreamHandler handler) {
    step();
    handler.onEvent(new StreamEvent.MessageStop("end_turn"));
    return new StreamResult("end_turn", Usage.NONE, route());
  }

  @Override
  public ChatReply converse(
      String model, List<ChatMessage> messages, String systemPrompt, ChatOptions options) {
    step();
    return new ChatReply("answer from " + path, "end_turn", "m", Usage.NONE, route());
  }

  @Override
  public GeneratedImages generateImage(String prompt, ImageOptions options) {
    step();
    return new GeneratedImages(List.of("iVBO"), "m", route());
  }

  @Override
  public Embedding createTextEmbedding(String text, EmbeddingOptions options) {
    step();
    return new Embedding(List.of(1f), "m", route());
  }

  @Override
  public Embeddings createTextEmbeddings(List<String> texts, EmbeddingOptions options) {
    step();
    return new Embeddings(List.of(List.of(1f)), "m", route());
  }

  @Override
  public Embedding createImageEmbedding(byte[] image, String caption, EmbeddingOptions options) {
    step();
    return new Embedding(List.of(1f), "m", route());
  }
}
