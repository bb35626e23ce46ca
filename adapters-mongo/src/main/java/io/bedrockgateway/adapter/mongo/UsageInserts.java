package io.bedrockgateway.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.List;
import org.bson.Document;

/**
 * Inserts usage documents so that a replay is harmless: a document whose event id (the gateway's
 * own, assigned once per request) is stored already is the same event written again, e.g. after a
 * crash between storing a spool segment and deleting it; it is skipped, not duplicated and not an
 * error. Two requests never share an event id, whatever request id their clients sent.
 */
final class UsageInserts {
  private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

  private final MongoCollection<Document> events;

  UsageInserts(MongoCollection<Document> events) {
    this.events = events;
  }

  /**
   * Stores the documents not stored yet and returns how many that were. Any failure other than a
   * duplicate event id propagates, leaving the batch to be written again.
   */
  long insert(List<Document> documents) {
    try {
      events.insertMany(documents, UNORDERED);
      return documents.size();
    } catch (MongoBulkWriteException partly) {
      boolean onlyDuplicates =
          partly.getWriteErrors().stream()
              .allMatch(
                  error ->
                      ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
      if (!onlyDuplicates || partly.getWriteConcernError() != null) {
        throw partly;
      }
      return documents.size() - partly.getWriteErrors().size();
    }
  }
}
