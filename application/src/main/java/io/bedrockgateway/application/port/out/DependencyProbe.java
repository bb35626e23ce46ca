package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.health.DependencyHealth;

/** Reports whether one dependency (a store, an upstream) can serve. Must be cheap and bounded. */
public interface DependencyProbe {
  String name();

  DependencyHealth check();
}
