package io.bedrockgateway.adapter.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The indexes the adapter relies on: created when MongoDB is first reached (the gateway starts
 * without it), idempotently.
 */
final class MongoSchema {
  private static final int INDEX_OPTIONS_CONFLICT = 85;

  private final MongoDatabase database;
  private final Duration retention;

  MongoSchema(MongoDatabase database, Duration retention) {
    this.database = database;
    this.retention = retention;
  }

  void ensure() {
    var events = database.getCollection(UsageDocuments.COLLECTION);
    ensureRetention();
    events.createIndex(Indexes.ascending(UsageDocuments.KEY_ID, UsageDocuments.TIME));
    events.createIndex(Indexes.ascending(UsageDocuments.CLIENT_REQUEST_ID));
    // only events not yet in the rollups have the field: a small index
    events.createIndex(Indexes.ascending(UsageDocuments.ROLLUP), new IndexOptions().sparse(true));
    var rollups = database.getCollection(DailyRollups.COLLECTION);
    rollups.createIndex(Indexes.ascending(UsageDocuments.DAY));
    rollups.createIndex(Indexes.ascending(UsageDocuments.KEY_ID, UsageDocuments.DAY));
    database
        .getCollection(KeyDocuments.COLLECTION)
        .createIndex(Indexes.ascending(KeyDocuments.HASH), new IndexOptions().unique(true));
  }

  /** Raw events expire after the retention; a changed retention updates the TTL index. */
  private void ensureRetention() {
    long seconds = retention.toSeconds();
    try {
      database
          .getCollection(UsageDocuments.COLLECTION)
          .createIndex(
              Indexes.ascending(UsageDocuments.TIME),
              new IndexOptions().expireAfter(seconds, TimeUnit.SECONDS));
    } catch (MongoCommandException conflict) {
      if (conflict.getErrorCode() != INDEX_OPTIONS_CONFLICT) {
        throw conflict;
      }
      database.runCommand(
          new Document("collMod", UsageDocuments.COLLECTION)
              .append(
                  "index",
                  new Document("keyPattern", new Document(UsageDocuments.TIME, 1))
                      .append("expireAfterSeconds", seconds)));
    }
  }
}
