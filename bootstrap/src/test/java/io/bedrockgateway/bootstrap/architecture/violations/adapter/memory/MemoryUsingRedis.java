package io.bedrockgateway.bootstrap.architecture.violations.adapter.memory;

import io.bedrockgateway.bootstrap.architecture.violations.adapter.redis.RedisThing;

/** Violates: adapter.memory does not depend on other adapters. */
public class MemoryUsingRedis {
  public RedisThing redis;
}
