package io.bedrockgateway.client;

import java.util.List;

/** One embedding vector, the model that made it, and the route the call took. */
public record Embedding(List<Float> vector, String model, Route route) {
  public Embedding {
    if (vector == null || vector.isEmpty() || model == null || route == null) {
      throw new IllegalArgumentException("an embedding has a vector, a model and a route");
    }
    vector = List.copyOf(vector);
  }

  Embedding withRoute(Route newRoute) {
    return new Embedding(vector, model, newRoute);
  }
}
