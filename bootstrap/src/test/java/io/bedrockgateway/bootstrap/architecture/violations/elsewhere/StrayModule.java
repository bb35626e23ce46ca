package io.bedrockgateway.bootstrap.architecture.violations.elsewhere;

/** Violates: a Guice module outside adapters and bootstrap. */
public abstract class StrayModule extends com.google.inject.AbstractModule {}
