package io.bedrockgateway.client;

import java.util.List;

/** The embeddings of a batch, in the order of its texts. */
public record Embeddings(List<List<Float>> vectors, String model, Route route) {
  public Embeddings {
    if (vectors == null || vectors.isEmpty() || model == null || route == null) {
      throw new IllegalArgumentException("embeddings have vectors, a model and a route");
    }
    vectors = vectors.stream().map(List::copyOf).toList();
  }

  Embeddings withRoute(Route newRoute) {
    return new Embeddings(vectors, model, newRoute);
  }
}
