package io.bedrockgateway.domain.embedding;

import java.util.Arrays;
import java.util.Objects;

/** One embedding vector; immutable and compared by value. */
public final class Embedding {
  private final float[] values;

  public Embedding(float[] values) {
    Objects.requireNonNull(values, "values");
    if (values.length == 0) {
      throw new IllegalArgumentException("an embedding has at least one dimension");
    }
    this.values = values.clone();
  }

  public float[] values() {
    return values.clone();
  }

  public int dimensions() {
    return values.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Embedding embedding && Arrays.equals(values, embedding.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Embedding[" + values.length + " dimensions]";
  }
}
