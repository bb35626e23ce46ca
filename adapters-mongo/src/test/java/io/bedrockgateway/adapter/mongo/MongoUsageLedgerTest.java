package io.bedrockgateway.adapter.mongo;

import static io.bedrockgateway.application.port.out.TestUsageEvents.NOON;
import static io.bedrockgateway.application.port.out.TestUsageEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.application.port.out.UsageLedgerContract;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.Outcome;
import io.bedrockgateway.domain.usage.UsageEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoUsageLedgerTest extends UsageLedgerContract {
  private final List<AutoCloseable> opened = new ArrayList<>();
  @TempDir Path spool;

  @Override
  protected UsageLedger ledger() {
    return ledger(MongoFixture.shared().freshDatabaseUri());
  }

  @Override
  protected void awaitStored(UsageLedger ledger) {
    ((MongoUsageLedger) ledger).flush();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable resource : opened.reversed()) {
      resource.close();
    }
  }

  @Test
  void storesOneDocumentPerRequestWithEveryFieldOfTheLedgerAndNoSecret() {
    String uri = MongoFixture.shared().freshDatabaseUri();
    MongoUsageLedger ledger = ledger(uri);
    Principal owner = TestPrincipals.unlimited();
    RequestId id = RequestId.generate();
    UsageEvent event = event(id, 7);
    ledger.append(event);
    ledger.append(
        event(
            owner,
            NOON,
            new ModelId("unpriced.model-v1"),
            Outcome.CANCELLED,
            new TokenUsage(3, 4),
            90,
            "10.1.1.1"));
    ledger.flush();

    try (MongoClient client = MongoClients.create(uri)) {
      MongoDatabase database = client.getDatabase(databaseOf(uri));
      Document stored =
          database
              .getCollection(UsageDocuments.COLLECTION)
              .find(new Document("client_request_id", id.value()))
              .first();
      assertThat(stored.getString("_id")).isEqualTo(event.id().value());
      assertThat(stored)
          .containsKeys(
              "client_request_id",
              "time",
              "day",
              "key_id",
              "key_name",
              "application",
              "department",
              "project",
              "operation",
              "requested_model",
              "served_model",
              "outcome",
              "input_tokens",
              "output_tokens",
              "images",
              "cost_usd",
              "latency_ms",
              "time_to_first_token_ms",
              "client_ip",
              "user_agent",
              "streamed",
              "cancelled");
      assertThat(stored.get("cost_usd")).isInstanceOf(Decimal128.class);
      assertThat(stored.getLong("output_tokens")).isEqualTo(7);
      Document cancelled =
          database
              .getCollection(UsageDocuments.COLLECTION)
              .find(new Document("key_id", owner.keyId().value()))
              .first();
      assertThat(cancelled.getBoolean("cancelled")).isTrue();
      assertThat(cancelled.containsKey("cost_usd")).isTrue();
      assertThat(cancelled.get("cost_usd")).isNull();
    }
  }

  @Test
  void keepsDailyRollupsPerKeyAndModelAndExpiresRawEventsAfterTheRetention() {
    String uri = MongoFixture.shared().freshDatabaseUri();
    MongoUsageLedger ledger = ledger(uri);
    Principal owner = TestPrincipals.unlimited();
    ModelId lite = new ModelId("amazon.nova-lite-v1:0");
    ledger.append(event(owner, NOON, lite, Outcome.SUCCEEDED, new TokenUsage(10, 20), 100, "a"));
    ledger.append(
        event(owner, NOON.plusSeconds(5), lite, Outcome.FAILED, new TokenUsage(1, 0), 300, "a"));
    ledger.flush();

    try (MongoClient client = MongoClients.create(uri)) {
      MongoDatabase database = client.getDatabase(databaseOf(uri));
      List<Document> rollups =
          database.getCollection(DailyRollups.COLLECTION).find().into(new ArrayList<>());
      assertThat(rollups).hasSize(1);
      Document day = rollups.getFirst();
      assertThat(day.getString("day")).isEqualTo("2026-11-24");
      assertThat(day.getString("key_id")).isEqualTo(owner.keyId().value());
      assertThat(day.getString("model")).isEqualTo(lite.value());
      assertThat(((Number) day.get("requests")).longValue()).isEqualTo(2);
      assertThat(((Number) day.get("errors")).longValue()).isEqualTo(1);
      assertThat(((Number) day.get("input_tokens")).longValue()).isEqualTo(11);
      assertThat(((Number) day.get("latency_ms_max")).longValue()).isEqualTo(300);
      assertThat(
              database
                  .getCollection(UsageDocuments.COLLECTION)
                  .listIndexes()
                  .into(new ArrayList<>()))
          .filteredOn(index -> index.containsKey("expireAfterSeconds"))
          .singleElement()
          .satisfies(
              index -> {
                assertThat(index.get("key", Document.class)).containsOnlyKeys("time");
                assertThat(((Number) index.get("expireAfterSeconds")).longValue())
                    .isEqualTo(Duration.ofDays(90).toSeconds());
              });
    }
  }

  private MongoUsageLedger ledger(String uri) {
    MongoStores stores =
        MongoStores.connect(
            new MongoSettings(uri, spool, Duration.ofDays(90), Duration.ZERO, 1_000),
            Clock.systemUTC());
    opened.add(stores);
    return stores.usageLedger();
  }

  static String databaseOf(String uri) {
    return new MongoSettings(uri, Path.of("."), Duration.ofDays(1), Duration.ZERO, 1).database();
  }
}
