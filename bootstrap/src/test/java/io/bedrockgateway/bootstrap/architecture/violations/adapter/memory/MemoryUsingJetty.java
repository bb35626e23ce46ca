package io.bedrockgateway.bootstrap.architecture.violations.adapter.memory;

/** Violates: Jetty outside the HTTP adapter. */
public class MemoryUsingJetty {
  public org.eclipse.jetty.server.Server server;
}
