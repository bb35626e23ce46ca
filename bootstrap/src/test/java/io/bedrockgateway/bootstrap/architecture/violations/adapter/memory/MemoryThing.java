package io.bedrockgateway.bootstrap.architecture.violations.adapter.memory;

/** Violates: Javalin outside the HTTP adapter and emulator. */
public class MemoryThing {
  public io.javalin.Javalin server;
}
