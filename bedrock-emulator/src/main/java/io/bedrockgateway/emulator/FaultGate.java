package io.bedrockgateway.emulator;

import io.bedrockgateway.emulator.Directives.FaultScope;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a request's fault strikes it: only requests for the scope's model and region, and
 * with {@code fault-times=N} only the first N of those carrying the same text, so that a retry or a
 * fallback can be seen to succeed.
 */
final class FaultGate {
  private final Map<String, Integer> strikes = new ConcurrentHashMap<>();

  Optional<Fault> fault(Directives directives, RequestOrigin origin, String text) {
    FaultScope scope = directives.faultScope();
    if (directives.fault().isEmpty()
        || scope.model().filter(model -> !model.equals(origin.modelId())).isPresent()
        || scope
            .region()
            .filter(region -> !origin.region().equals(Optional.of(region)))
            .isPresent()) {
      return Optional.empty();
    }
    if (scope.times().isPresent()
        && strikes.merge(text, 1, Integer::sum) > scope.times().getAsInt()) {
      return Optional.empty();
    }
    return directives.fault();
  }
}
