package io.bedrockgateway.bootstrap.architecture.violations.adapter.redis;

/** Violates: MongoDB's driver outside the Mongo adapter. */
public class RedisThing {
  public com.mongodb.client.MongoClient client;
  public org.bson.Document document;
}
