package io.bedrockgateway.bootstrap.architecture.violations.adapter.redis;

/** Violates: resilience4j outside the Bedrock adapter. */
public class RedisRetrying {
  public io.github.resilience4j.retry.Retry retry;
}
