package io.bedrockgateway.bootstrap.architecture.violations.adapter.memory;

/** Violates: resilience4j outside the Bedrock and Redis adapters. */
public class MemoryRetrying {
  public io.github.resilience4j.retry.Retry retry;
}
