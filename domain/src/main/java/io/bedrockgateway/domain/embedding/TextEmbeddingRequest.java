package io.bedrockgateway.domain.embedding;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Texts to embed, each into its own vector, in order.
 *
 * @param dimensions the vector length, for models that offer several
 * @param normalize whether vectors are scaled to unit length, for models that offer it
 * @param purpose what the vectors are for, for models that ask
 */
public record TextEmbeddingRequest(
    List<String> texts,
    OptionalInt dimensions,
    Optional<Boolean> normalize,
    Optional<EmbeddingPurpose> purpose) {

  public static final int MAX_TEXTS = 100;
  public static final int MAX_TEXT_LENGTH = 50_000;

  public TextEmbeddingRequest {
    texts = List.copyOf(Objects.requireNonNull(texts, "texts"));
    Objects.requireNonNull(dimensions, "dimensions");
    Objects.requireNonNull(normalize, "normalize");
    Objects.requireNonNull(purpose, "purpose");
    if (texts.isEmpty() || texts.size() > MAX_TEXTS) {
      throw new IllegalArgumentException("texts must hold 1 to " + MAX_TEXTS + " texts");
    }
    for (int index = 0; index < texts.size(); index++) {
      String text = texts.get(index);
      if (text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
        throw new IllegalArgumentException(
            "texts[" + index + "] must be 1 to " + MAX_TEXT_LENGTH + " characters, not blank");
      }
    }
    dimensions.ifPresent(
        value -> {
          if (value < 1) {
            throw new IllegalArgumentException("dimensions must be positive");
          }
        });
  }

  public static TextEmbeddingRequest of(String text) {
    return new TextEmbeddingRequest(
        List.of(text), OptionalInt.empty(), Optional.empty(), Optional.empty());
  }

  /** This request for only the texts from {@code from} (inclusive) to {@code to} (exclusive). */
  public TextEmbeddingRequest slice(int from, int to) {
    return new TextEmbeddingRequest(texts.subList(from, to), dimensions, normalize, purpose);
  }

  public long characters() {
    return texts.stream().mapToLong(String::length).sum();
  }
}
