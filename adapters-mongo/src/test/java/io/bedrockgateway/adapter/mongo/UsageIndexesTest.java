package io.bedrockgateway.adapter.mongo;

import static io.bedrockgateway.application.port.out.TestUsageEvents.NOON;
import static io.bedrockgateway.application.port.out.TestUsageEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.UsageGrouping;
import io.bedrockgateway.domain.usage.UsageQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each query the ledger makes is served by an index, as MongoDB's own {@code explain()} says. Runs
 * against a real MongoDB only ({@code MONGODB_URI}, or Docker): mongo-java-server has no query
 * planner to ask.
 */
class UsageIndexesTest {
  @TempDir Path spool;

  @Test
  void everyQueryOfTheLedgerIsServedByAnIndex() {
    MongoFixture fixture = MongoFixture.shared();
    assumeFalse(
        fixture.kind().contains("mongo-java-server"),
        "explain() needs a real MongoDB: set MONGODB_URI or run Docker");
    String uri = fixture.freshDatabaseUri();
    Principal owner = TestPrincipals.unlimited();
    try (MongoStores stores =
            MongoStores.connect(
                new MongoSettings(uri, spool, Duration.ofDays(90), Duration.ZERO, 100),
                Clock.offset(
                    Clock.systemUTC(), Duration.between(Instant.now(), NOON.plusSeconds(86_400))));
        MongoClient client = MongoClients.create(uri)) {
      MongoUsageLedger ledger = stores.usageLedger();
      for (int i = 0; i < 20; i++) {
        ledger.append(event(RequestId.generate(), i)); // creates the indexes too
      }
      ledger.flush();
      MongoDatabase database = client.getDatabase(MongoUsageLedgerTest.databaseOf(uri));
      MongoCollection<Document> events = database.getCollection(UsageDocuments.COLLECTION);
      MongoCollection<Document> rollups = database.getCollection(DailyRollups.COLLECTION);
      Instant from = NOON.minusSeconds(86_400);
      Instant to = NOON.plusSeconds(86_400);
      UsageQuery everyone = new UsageQuery(from, to, UsageGrouping.KEY, Optional.empty());
      UsageQuery oneKey = new UsageQuery(from, to, UsageGrouping.KEY, Optional.of(owner.keyId()));
      LocalDate day = LocalDate.parse("2026-11-24");

      Map<String, Document> plans = new LinkedHashMap<>();
      plans.put("report, every key", report(events, UsageReports.rawFilter(everyone, from, to)));
      plans.put("report, one key", report(events, UsageReports.rawFilter(oneKey, from, to)));
      plans.put(
          "old range from the rollups, every key",
          report(rollups, UsageReports.rollupFilter(everyone, day, day)));
      plans.put(
          "old range from the rollups, one key",
          report(rollups, UsageReports.rollupFilter(oneKey, day, day)));
      plans.put(
          "events waiting for the rollups", events.find(DailyRollups.pendingFilter()).explain());
      plans.put(
          "the events of a claim",
          events.find(Filters.eq(UsageDocuments.ROLLUP, "claim:x")).explain());
      plans.put(
          "report, one client request id",
          report(
              events,
              UsageReports.rawFilter(
                  new UsageQuery(
                      from,
                      to,
                      UsageGrouping.KEY,
                      Optional.empty(),
                      Optional.of(new RequestId("client-id"))),
                  from,
                  to)));

      plans.forEach(
          (query, plan) ->
              assertThat(plan.toJson())
                  .as("the plan of '%s'", query)
                  .contains("IXSCAN")
                  .doesNotContain("COLLSCAN"));
    }
  }

  private static Document report(MongoCollection<Document> collection, Bson filter) {
    return collection
        .aggregate(
            List.of(
                Aggregates.match(filter),
                Aggregates.group("$" + UsageDocuments.KEY_ID, UsageTotalsFields.accumulators())))
        .explain();
  }
}
