package io.bedrockgateway.bootstrap.architecture.violations.adapter.mongo;

/** Violates: Lettuce outside the Redis adapter. */
public class MongoThing {
  public io.lettuce.core.RedisClient client;
}
