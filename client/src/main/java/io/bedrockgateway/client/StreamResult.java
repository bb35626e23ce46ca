package io.bedrockgateway.client;

/** How a stream ended: the stop reason, the usage (if the stream reported it) and the route. */
public record StreamResult(String stopReason, Usage usage, Route route) {
  public StreamResult {
    if (stopReason == null || usage == null || route == null) {
      throw new IllegalArgumentException("a stream result has a stop reason, a usage and a route");
    }
  }

  StreamResult withRoute(Route newRoute) {
    return new StreamResult(stopReason, usage, newRoute);
  }
}
