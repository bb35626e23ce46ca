package io.bedrockgateway.adapter.memory;

import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.domain.health.DependencyHealth;

/** Says that keys and usage live in this process (the embedded mode). */
public final class InMemoryStorageProbe implements DependencyProbe {
  @Override
  public String name() {
    return "storage";
  }

  @Override
  public DependencyHealth check() {
    return DependencyHealth.up("in-memory: keys and usage are kept in this process");
  }
}
