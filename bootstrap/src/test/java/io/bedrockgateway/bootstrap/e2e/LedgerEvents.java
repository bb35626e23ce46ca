package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;

/** Reads what a gateway on MongoDB recorded, as stored. */
final class LedgerEvents {
  private LedgerEvents() {}

  /**
   * The usage event of the request that sent {@code requestId} as its {@code X-Request-ID}, once
   * the ledger wrote it (off the request path, so it may follow the answer).
   */
  static Document of(String mongoUri, String database, String requestId) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(30)); // a hang guard only
    try (MongoClient mongo = MongoClients.create(mongoUri)) {
      while (true) {
        Document event =
            mongo
                .getDatabase(database)
                .getCollection("usage_events")
                .find(Filters.eq("client_request_id", requestId))
                .first();
        if (event != null) {
          return event;
        }
        assertThat(Instant.now()).as("usage of " + requestId + " written").isBefore(giveUp);
        try {
          Thread.sleep(50);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(interrupted);
        }
      }
    }
  }
}
