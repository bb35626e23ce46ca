package io.bedrockgateway.adapter.mongo;

import static io.bedrockgateway.application.port.out.TestUsageEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.bedrockgateway.domain.health.DependencyHealth;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.UsageEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MongoDB goes away and comes back: every event is stored once, none lost, none doubled. */
class UsageOutageTest {
  private static final int N = 60;

  private final List<AutoCloseable> opened = new ArrayList<>();
  private OutageProxy proxy;
  private String uri;
  private MongoClient direct;
  @TempDir Path spool;

  @BeforeEach
  void start() {
    proxy = OutageProxy.to(MongoFixture.shared().address());
    uri = MongoFixture.viaProxy(proxy, "outage_" + System.nanoTime());
    direct = MongoClients.create(MongoFixture.shared().freshDatabaseUri());
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable resource : opened.reversed()) {
      resource.close();
    }
    direct.close();
    proxy.close();
  }

  @Test
  void spoolsWhileMongoIsDownThenStoresEveryEventExactlyOnce() {
    MongoUsageLedger ledger = ledger(spool, 1_000);
    appendEvents(ledger, 5);
    ledger.flush();

    proxy.cut();
    appendEvents(ledger, N);
    ledger.flush();
    assertThat(ledger.status().reachable()).isFalse();
    assertThat(ledger.spooled()).isEqualTo(N);
    assertThat(new MongoProbe(ledger).check().up()).isFalse();

    proxy.resume();
    flushUntilStored(ledger, 5 + N);

    assertThat(storedEvents()).isEqualTo(5 + N);
    assertThat(ledger.spooled()).isZero();
    assertThat(new MongoProbe(ledger).check().up()).isTrue();
  }

  @Test
  void eventsSpooledBeforeARestartAreStoredByTheNextRunAndAReplayNeverDoubles() throws IOException {
    proxy.cut();
    MongoUsageLedger first = ledger(spool, 1_000);
    List<UsageEvent> events = appendEvents(first, N);
    first.close();
    assertThat(Files.list(spool)).isNotEmpty();

    proxy.resume();
    MongoUsageLedger second = ledger(spool, 1_000);
    flushUntilStored(second, N);
    assertThat(storedEvents()).isEqualTo(N);

    // as if the gateway died after storing a segment but before deleting it
    UsageSpool again = new UsageSpool(spool);
    again.append(events.stream().map(UsageDocuments::toDocument).toList());
    again.close();
    MongoUsageLedger third = ledger(spool, 1_000);
    flushUntilStored(third, N);

    assertThat(storedEvents()).isEqualTo(N);
    assertThat(third.spooled()).isZero();
  }

  @Test
  void eventsSpooledByAnEarlierVersionAreStoredAndAddedToTheRollups() throws IOException {
    Document asAnEarlierVersionWroteIt =
        UsageDocuments.toDocument(event(RequestId.generate(), 3))
            .append("_id", "client-request-id-1");
    asAnEarlierVersionWroteIt.remove(UsageDocuments.ROLLUP);
    asAnEarlierVersionWroteIt.remove(UsageDocuments.CLIENT_REQUEST_ID);
    UsageSpool earlier = new UsageSpool(spool);
    earlier.append(List.of(asAnEarlierVersionWroteIt));
    earlier.close();

    MongoUsageLedger ledger = ledger(spool, 1_000);
    ledger.flush();

    assertThat(storedEvents()).isEqualTo(1);
    List<Document> rollups =
        direct
            .getDatabase(MongoUsageLedgerTest.databaseOf(uri))
            .getCollection(DailyRollups.COLLECTION)
            .find()
            .into(new ArrayList<>());
    assertThat(rollups)
        .singleElement()
        .satisfies(day -> assertThat(day.get("requests")).isEqualTo(1L));
  }

  @Test
  void aFullQueueSendsEventsToTheSpoolAndNoneIsLost() throws Exception {
    proxy.cut();
    MongoUsageLedger ledger = ledger(spool, N / 2);

    // the disk is slow: while it is held, neither the writer nor the spooler gets anything done
    synchronized (ledger.spool()) {
      appendConcurrently(ledger, N);
    }
    proxy.resume();
    flushUntilStored(ledger, N);

    assertThat(ledger.status().queueOverflows()).isPositive();
    assertThat(ledger.overflowed())
        .as("as metrics see it")
        .isEqualTo(ledger.status().queueOverflows());
    assertThat(ledger.status().lost()).isZero();
    assertThat(storedEvents()).isEqualTo(N);
  }

  @Test
  void eventsThatNeitherQueueCanTakeAreCountedAsLostAndShownNeverDroppedSilently()
      throws Exception {
    proxy.cut();
    int capacity = 4;
    int appended = 4 * capacity + 4; // more than both queues and what is in hand can hold
    MongoUsageLedger ledger = ledger(spool, capacity);

    synchronized (ledger.spool()) {
      appendConcurrently(ledger, appended);
      assertThat(new MongoProbe(ledger).check().detail()).contains("usage events are being lost");
    }
    proxy.resume();
    ledger.flush();

    long lost = ledger.status().lost();
    assertThat(lost).isPositive();
    assertThat(ledger.lost()).isEqualTo(lost);
    assertThat(storedEvents() + lost).as("stored or counted lost").isEqualTo(appended);
    assertThat(new MongoProbe(ledger).check().detail()).contains("events lost " + lost);
  }

  /** Appends from four request threads; fails if any of them has to wait on the ledger. */
  private void appendConcurrently(MongoUsageLedger ledger, int count) throws Exception {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
              calls.add(callers.submit(() -> appendEvents(ledger, count / 4)));
            }
            for (Future<?> call : calls) {
              call.get();
            }
          }
        },
        "a request waited on the ledger");
  }

  @Test
  void aSpoolThatCannotBeWrittenIsReportedLoudly() throws IOException {
    proxy.cut();
    MongoUsageLedger ledger = ledger(spool.resolve("spool"), 1_000);
    Files.delete(spool.resolve("spool"));
    Files.writeString(spool.resolve("spool"), "not a directory");

    appendEvents(ledger, 3);
    ledger.flush();

    assertThat(ledger.status().lost()).isEqualTo(3);
    DependencyHealth health = new MongoProbe(ledger).check();
    assertThat(health.up()).isFalse();
    assertThat(health.detail()).contains("lost");
  }

  private List<UsageEvent> appendEvents(MongoUsageLedger ledger, int count) {
    List<UsageEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UsageEvent event = event(RequestId.generate(), i);
      events.add(event);
      ledger.append(event);
    }
    return events;
  }

  /**
   * Flushes until {@code expected} events are stored and the spool is empty: the client may need a
   * few tries to find the server again after the outage. Thirty seconds is a hang guard, not a
   * measurement.
   */
  private void flushUntilStored(MongoUsageLedger ledger, long expected) {
    for (int attempt = 0; attempt < 60; attempt++) {
      ledger.flush();
      if (storedEvents() < expected || ledger.spooled() > 0) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      } else {
        return;
      }
    }
  }

  private long storedEvents() {
    MongoCollection<Document> events =
        direct
            .getDatabase(MongoUsageLedgerTest.databaseOf(uri))
            .getCollection(UsageDocuments.COLLECTION);
    return events.countDocuments();
  }

  private MongoUsageLedger ledger(Path spoolDirectory, int queueCapacity) {
    MongoStores stores =
        MongoStores.connect(
            new MongoSettings(
                uri, spoolDirectory, Duration.ofDays(90), Duration.ZERO, queueCapacity),
            Clock.systemUTC());
    opened.add(stores);
    return stores.usageLedger();
  }
}
