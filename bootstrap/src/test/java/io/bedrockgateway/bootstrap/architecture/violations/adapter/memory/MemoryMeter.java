package io.bedrockgateway.bootstrap.architecture.violations.adapter.memory;

/** Violates: Micrometer outside the metrics adapter. */
public class MemoryMeter {
  public io.micrometer.core.instrument.Counter counter;
}
