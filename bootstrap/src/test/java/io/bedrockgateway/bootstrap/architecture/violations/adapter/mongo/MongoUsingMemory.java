package io.bedrockgateway.bootstrap.architecture.violations.adapter.mongo;

import io.bedrockgateway.bootstrap.architecture.violations.adapter.memory.MemoryThing;

/** Violates: adapter.mongo does not depend on other adapters. */
public class MongoUsingMemory {
  public MemoryThing memory;
}
