package io.bedrockgateway.bootstrap.architecture.violations.adapter.redis;

import io.bedrockgateway.bootstrap.architecture.violations.adapter.mongo.MongoThing;

/** Violates: adapter.redis does not depend on other adapters. */
public class RedisUsingMongo {
  public MongoThing mongo;
}
