package io.bedrockgateway.client;

import java.util.List;

/**
 * Inference options of a chat call; {@code null} leaves an option to the model. The bounds are the
 * gateway's: {@code maxTokens} 1..100000, {@code temperature} and {@code topP} 0..1, at most 4 stop
 * sequences.
 */
public record ChatOptions(
    Integer maxTokens, Double temperature, Double topP, List<String> stopSequences) {
  public static final ChatOptions DEFAULTS = new ChatOptions(null, null, null, List.of());

  public ChatOptions {
    if (maxTokens != null && (maxTokens < 1 || maxTokens > 100_000)) {
      throw new IllegalArgumentException("maxTokens must be 1..100000, was " + maxTokens);
    }
    requireUnit("temperature", temperature);
    requireUnit("topP", topP);
    stopSequences = stopSequences == null ? List.of() : List.copyOf(stopSequences);
    if (stopSequences.size() > 4) {
      throw new IllegalArgumentException("at most 4 stop sequences");
    }
  }

  public ChatOptions withMaxTokens(int tokens) {
    return new ChatOptions(tokens, temperature, topP, stopSequences);
  }

  public ChatOptions withTemperature(double value) {
    return new ChatOptions(maxTokens, value, topP, stopSequences);
  }

  public ChatOptions withTopP(double value) {
    return new ChatOptions(maxTokens, temperature, value, stopSequences);
  }

  public ChatOptions withStopSequences(List<String> sequences) {
    return new ChatOptions(maxTokens, temperature, topP, sequences);
  }

  private static void requireUnit(String name, Double value) {
    if (value != null && !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be 0..1, was " + value);
    }
  }
}
