package io.bedrockgateway.domain.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation to continue. The model is optional here: the gateway fills in its default chat
 * model before it reaches a {@code ModelInvoker}.
 */
public record ChatRequest(
    Optional<ModelId> model,
    List<ChatMessage> messages,
    List<String> system,
    InferenceParameters parameters) {

  public ChatRequest {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    system = List.copyOf(Objects.requireNonNull(system, "system"));
    Objects.requireNonNull(parameters, "parameters");
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must hold at least one message");
    }
    if (system.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("system prompts must not be blank");
    }
  }

  public ChatRequest withModel(ModelId resolved) {
    return new ChatRequest(Optional.of(resolved), messages, system, parameters);
  }

  /** The model this request is for; only valid once the gateway resolved it. */
  public ModelId requireModel() {
    return model.orElseThrow(() -> new IllegalStateException("model not resolved"));
  }

  /** Characters of prompt text, for estimates made before the model counts tokens. */
  public long promptCharacters() {
    long fromMessages =
        messages.stream()
            .flatMap(message -> message.content().stream())
            .mapToLong(block -> block instanceof TextBlock text ? text.text().length() : 0)
            .sum();
    return fromMessages + system.stream().mapToLong(String::length).sum();
  }
}
