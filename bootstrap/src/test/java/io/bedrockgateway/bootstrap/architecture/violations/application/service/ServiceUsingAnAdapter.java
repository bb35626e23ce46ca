package io.bedrockgateway.bootstrap.architecture.violations.application.service;

import io.bedrockgateway.bootstrap.architecture.violations.adapter.memory.MemoryThing;

/** Violates: application depends on domain only. */
public class ServiceUsingAnAdapter {
  public MemoryThing store = new MemoryThing();
}
