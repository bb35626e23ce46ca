package io.bedrockgateway.domain.chat;

import java.util.List;
import java.util.Optional;

/** Sampling and length settings; every field is optional and absent means "the model's default". */
public record InferenceParameters(
    Optional<Integer> maxTokens,
    Optional<Double> temperature,
    Optional<Double> topP,
    List<String> stopSequences) {

  public static final int MAX_TOKENS_LIMIT = 100_000;
  public static final int MAX_STOP_SEQUENCES = 4;

  public static final InferenceParameters DEFAULTS =
      new InferenceParameters(Optional.empty(), Optional.empty(), Optional.empty(), List.of());

  public InferenceParameters {
    maxTokens.ifPresent(
        value -> {
          if (value < 1 || value > MAX_TOKENS_LIMIT) {
            throw new IllegalArgumentException(
                "max_tokens must be between 1 and " + MAX_TOKENS_LIMIT);
          }
        });
    temperature.ifPresent(value -> requireUnitInterval("temperature", value));
    topP.ifPresent(value -> requireUnitInterval("top_p", value));
    stopSequences = List.copyOf(stopSequences);
    if (stopSequences.size() > MAX_STOP_SEQUENCES) {
      throw new IllegalArgumentException(
          "stop_sequences may hold at most " + MAX_STOP_SEQUENCES + " entries");
    }
    if (stopSequences.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("stop_sequences must not contain empty strings");
    }
  }

  private static void requireUnitInterval(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1");
    }
  }

  public boolean isEmpty() {
    return maxTokens.isEmpty()
        && temperature.isEmpty()
        && topP.isEmpty()
        && stopSequences.isEmpty();
  }
}
