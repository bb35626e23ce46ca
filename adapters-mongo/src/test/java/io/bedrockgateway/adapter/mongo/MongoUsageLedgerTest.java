package io.bedrockgateway.adapter.mongo;

import static io.bedrockgateway.application.port.out.TestUsageEvents.NOON;
import static io.bedrockgateway.application.port.out.TestUsageEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.bedrockgateway.application.port.out.SettableClock;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.application.port.out.UsageLedgerContract;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.ApiSurface;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.Outcome;
import io.bedrockgateway.domain.usage.UsageEvent;
import io.bedrockgateway.domain.usage.UsageGroup;
import io.bedrockgateway.domain.usage.UsageGrouping;
import io.bedrockgateway.domain.usage.UsageQuery;
import io.bedrockgateway.domain.usage.UsageReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoUsageLedgerTest extends UsageLedgerContract {
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration RETENTION = Duration.ofDays(90);
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
            new TokenUsage(3, 4, 50, 6),
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
              "cache_read_input_tokens",
              "cache_write_input_tokens",
              "total_tokens",
              "tokens_source",
              "images",
              "cost_usd",
              "latency_ms",
              "time_to_first_token_ms",
              "client_ip",
              "user_agent",
              "api",
              "streamed",
              "cancelled");
      assertThat(stored.getString("api")).isEqualTo("native");
      assertThat(stored).doesNotContainKeys("end_user", "session_id");
      assertThat(stored.get("cost_usd")).isInstanceOf(Decimal128.class);
      assertThat(stored.getLong("output_tokens")).isEqualTo(7);
      assertThat(stored.getString("tokens_source")).isEqualTo("upstream");
      Document cancelled =
          database
              .getCollection(UsageDocuments.COLLECTION)
              .find(new Document("key_id", owner.keyId().value()))
              .first();
      assertThat(cancelled.getBoolean("cancelled")).isTrue();
      assertThat(cancelled.containsKey("cost_usd")).isTrue();
      assertThat(cancelled.get("cost_usd")).isNull();
      assertThat(cancelled.getLong("cache_read_input_tokens")).isEqualTo(50);
      assertThat(cancelled.getLong("cache_write_input_tokens")).isEqualTo(6);
      assertThat(cancelled.getLong("total_tokens")).isEqualTo(63);
    }
  }

  @Test
  void recordsTheSurfaceAndTheClientsLabels() {
    String uri = MongoFixture.shared().freshDatabaseUri();
    MongoUsageLedger ledger = ledger(uri);
    UsageEvent plain = event(RequestId.generate(), 3);
    RequestContext openai =
        new RequestContext(
            plain.context().requestId(),
            plain.context().receivedAt(),
            plain.context().clientIp(),
            plain.context().userAgent(),
            ApiSurface.OPENAI,
            Optional.of("user-4711"),
            Optional.of("session-9"));
    ledger.append(
        new UsageEvent(
            plain.id(),
            openai,
            plain.principal(),
            plain.operation(),
            plain.requestedModel(),
            plain.servedModel(),
            plain.outcome(),
            plain.errorKind(),
            plain.usage(),
            plain.images(),
            plain.cost(),
            plain.latency(),
            plain.timeToFirstToken(),
            plain.streamed(),
            plain.tokensSource()));
    ledger.flush();

    try (MongoClient client = MongoClients.create(uri)) {
      Document stored =
          client
              .getDatabase(databaseOf(uri))
              .getCollection(UsageDocuments.COLLECTION)
              .find(new Document("_id", plain.id().value()))
              .first();
      assertThat(stored.getString("api")).isEqualTo("openai");
      assertThat(stored.getString("end_user")).isEqualTo("user-4711");
      assertThat(stored.getString("session_id")).isEqualTo("session-9");
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

  @Test
  void rollupsAddOnlyWhatIsNewAndNeverCountAnEventTwiceAfterACrash() {
    String uri = MongoFixture.shared().freshDatabaseUri();
    SettableClock clock = new SettableClock(NOON.plus(DAY));
    MongoUsageLedger ledger = ledger(uri, clock);
    Principal owner = TestPrincipals.unlimited();
    ModelId lite = new ModelId("amazon.nova-lite-v1:0");
    ledger.append(event(owner, NOON, lite, Outcome.SUCCEEDED, new TokenUsage(1, 1), 10, "a"));
    ledger.append(event(owner, NOON, lite, Outcome.SUCCEEDED, new TokenUsage(1, 1), 10, "a"));
    ledger.flush();

    try (MongoClient client = MongoClients.create(uri)) {
      MongoDatabase database = client.getDatabase(databaseOf(uri));
      MongoCollection<Document> events = database.getCollection(UsageDocuments.COLLECTION);
      MongoCollection<Document> rollups = database.getCollection(DailyRollups.COLLECTION);
      assertThat(requests(rollups)).isEqualTo(2);
      assertThat(events.countDocuments(Filters.exists(UsageDocuments.ROLLUP)))
          .as("every stored event is in the rollups: none left to add")
          .isZero();

      ledger.append(event(owner, NOON, lite, Outcome.FAILED, new TokenUsage(1, 0), 30, "a"));
      ledger.flush();
      assertThat(requests(rollups)).isEqualTo(3);

      // a pass that added its claim to the rollups and died before unmarking the events...
      String folded = rollups.find().first().getList(DailyRollups.FOLDED, String.class).getLast();
      events.updateMany(new Document(), Updates.set(UsageDocuments.ROLLUP, folded));
      // ...and one that died after claiming two more events, before adding them
      for (int i = 0; i < 2; i++) {
        events.insertOne(
            UsageDocuments.toDocument(
                    event(owner, NOON, lite, Outcome.SUCCEEDED, new TokenUsage(1, 1), 10, "b"))
                .append(UsageDocuments.ROLLUP, "claim:000000000000001:died"));
      }
      clock.advance(DailyRollups.CLAIM_LEASE.plusMinutes(1));
      ledger.flush();

      assertThat(requests(rollups)).as("the 3 before, and the 2 claimed, once").isEqualTo(5);
      assertThat(events.countDocuments(Filters.exists(UsageDocuments.ROLLUP))).isZero();
    }
  }

  @Test
  void rangesOlderThanTheRetentionAreAnsweredFromTheDailyRollups() {
    String uri = MongoFixture.shared().freshDatabaseUri();
    Instant now = NOON.plus(Duration.ofDays(100));
    MongoUsageLedger ledger = ledger(uri, new SettableClock(now));
    Principal alice = TestPrincipals.unlimited();
    Principal bob = TestPrincipals.unlimited();
    ModelId lite = new ModelId("amazon.nova-lite-v1:0");
    ledger.append(event(alice, NOON, lite, Outcome.SUCCEEDED, new TokenUsage(10, 20), 100, "a"));
    ledger.append(
        event(bob, NOON.plusSeconds(60), lite, Outcome.FAILED, new TokenUsage(1, 0), 300, "b"));
    ledger.append(
        event(
            alice,
            now.minusSeconds(3_600),
            lite,
            Outcome.SUCCEEDED,
            new TokenUsage(5, 5),
            50,
            "c"));
    ledger.flush();
    try (MongoClient client = MongoClients.create(uri)) {
      // what the TTL index does to events older than the retention
      client
          .getDatabase(databaseOf(uri))
          .getCollection(UsageDocuments.COLLECTION)
          .deleteMany(Filters.lt(UsageDocuments.TIME, Date.from(now.minus(RETENTION))));
    }

    UsageReport everything =
        ledger.report(new UsageQuery(NOON.minus(DAY), now, UsageGrouping.KEY, Optional.empty()));
    UsageReport alicesOldDay =
        ledger.report(
            new UsageQuery(
                NOON.minus(DAY), NOON.plus(DAY), UsageGrouping.DAY, Optional.of(alice.keyId())));

    assertThat(everything.total().requests()).isEqualTo(3);
    assertThat(everything.total().errors()).isEqualTo(1);
    assertThat(everything.total().inputTokens()).isEqualTo(16);
    assertThat(everything.total().maxLatency()).isEqualTo(Duration.ofMillis(300));
    assertThat(everything.uniqueKeys()).isEqualTo(2);
    assertThat(everything.groups())
        .extracting(UsageGroup::group)
        .containsExactlyInAnyOrder(
            Optional.of(alice.keyId().value()), Optional.of(bob.keyId().value()));
    assertThat(everything.groups())
        .filteredOn(group -> group.group().equals(Optional.of(alice.keyId().value())))
        .singleElement()
        .satisfies(group -> assertThat(group.totals().requests()).isEqualTo(2));
    assertThat(alicesOldDay.groups())
        .singleElement()
        .satisfies(
            day -> {
              assertThat(day.group()).contains("2026-11-24");
              assertThat(day.totals().requests()).isEqualTo(1);
              assertThat(day.totals().outputTokens()).isEqualTo(20);
            });
  }

  private static long requests(MongoCollection<Document> rollups) {
    return rollups.find().into(new ArrayList<>()).stream()
        .mapToLong(rollup -> ((Number) rollup.get("requests")).longValue())
        .sum();
  }

  /**
   * A ledger whose clock reads a day after the test events (and goes on from there), so that they
   * stay within the retention whatever the date.
   */
  private MongoUsageLedger ledger(String uri) {
    return ledger(
        uri, Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOON.plus(DAY))));
  }

  private MongoUsageLedger ledger(String uri, Clock clock) {
    MongoStores stores =
        MongoStores.connect(new MongoSettings(uri, spool, RETENTION, Duration.ZERO, 1_000), clock);
    opened.add(stores);
    return stores.usageLedger();
  }

  static String databaseOf(String uri) {
    return new MongoSettings(uri, Path.of("."), Duration.ofDays(1), Duration.ZERO, 1).database();
  }
}
