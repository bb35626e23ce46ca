package io.bedrockgateway.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.List;
import org.bson.Document;

/**
 * Inserts usage documents so that a replay is harmless: a document whose request id is stored
 * already is skipped, not duplicated and not an error.
 */
final class UsageInserts {
  private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

  private final MongoCollection<Document> events;

  UsageInserts(MongoCollection<Document> events) {
    this.events = events;
  }

  /**
   * Stores the documents not stored yet and returns how many that were. Any failure other than a
   * duplicate request id propagates, leaving the batch to be written again.
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
