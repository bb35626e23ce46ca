package io.bedrockgateway.adapter.mongo;

import static io.bedrockgateway.application.port.out.TestUsageEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.domain.error.DependencyUnavailable;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.key.KeyHash;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.PlanCatalog;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.UsageEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.FutureTask;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MongoDB that hangs (takes connections and requests, answers nothing) rather than refusing: key
 * lookups are answered from what was last known, usage is taken without waiting on MongoDB or on
 * the disk, and once MongoDB answers again every event is stored exactly once. Outcomes only: the
 * timeouts below guard against a hang, they measure nothing.
 */
class HungMongoTest {
  private static final int QUEUE_CAPACITY = 8;
  private static final Duration HANG_GUARD = Duration.ofSeconds(90);
  private static final Plan PLAN = Plan.unlimited("default");
  private static final Duration SHORT = Duration.ofMillis(500);

  @TempDir Path spool;

  @Test
  void whileMongoHangsKeysComeFromTheCacheUsageIsTakenAndAfterwardsEveryEventLandsOnce() {
    String database = "hung_" + UUID.randomUUID().toString().replace("-", "");
    try (OutageProxy proxy = OutageProxy.to(MongoFixture.shared().address());
        MongoClient direct = MongoClients.create(MongoFixture.shared().uri(database));
        MongoStores stores =
            MongoStores.connect(
                new MongoSettings(
                        MongoFixture.viaProxy(proxy, database),
                        spool,
                        Duration.ofDays(90),
                        Duration.ZERO, // every lookup asks MongoDB
                        QUEUE_CAPACITY)
                    .withTimeouts(new MongoSettings.Timeouts(SHORT, SHORT, SHORT)),
                Clock.systemUTC())) {
      KeyStore keys = stores.keyStore(new PlanCatalog(PLAN, Map.of("default", PLAN)));
      MongoUsageLedger ledger = stores.usageLedger();
      ApiKeyRecord known = key();
      keys.save(known);
      assertThat(keys.findByHash(known.hash())).contains(known);
      List<UsageEvent> appended = new ArrayList<>();
      appended.add(event(RequestId.generate(), 0));
      ledger.append(appended.getFirst());
      ledger.flush();

      proxy.pause();
      try {
        assertTimeoutPreemptively(
            HANG_GUARD,
            () -> {
              // the disk hangs as well: whoever writes the spool waits until the block ends
              synchronized (ledger.spool()) {
                // requests on a thread of its own (this one may write the spool it holds)
                FutureTask<Void> requests =
                    new FutureTask<>(
                        () -> {
                          for (int i = 0; i < 2 * QUEUE_CAPACITY; i++) {
                            assertThat(keys.findByHash(known.hash())).contains(known);
                            UsageEvent event = event(RequestId.generate(), i);
                            appended.add(event);
                            ledger.append(event);
                          }
                          assertThatThrownBy(() -> keys.findByHash(key().hash()))
                              .as("a key never looked up has no last known answer")
                              .isInstanceOf(DependencyUnavailable.class);
                          return null;
                        });
                Thread.ofVirtual().start(requests);
                requests.get();
              }
            },
            "a request waited on the hung MongoDB or on the spool");
      } finally {
        proxy.unpause(); // also frees a request stuck on it, should the test fail
      }

      MongoCollection<Document> events =
          direct.getDatabase(database).getCollection(UsageDocuments.COLLECTION);
      assertTimeoutPreemptively(
          HANG_GUARD,
          () -> {
            while (events.countDocuments() < appended.size()) {
              ledger.flush(); // replays the spool once MongoDB answers
              Thread.sleep(100);
            }
          },
          "the events did not reach MongoDB after it answered again");
      ledger.flush();
      assertThat(events.distinct("_id", String.class).into(new ArrayList<>()))
          .containsExactlyInAnyOrderElementsOf(
              appended.stream().map(event -> event.id().value()).toList());
      assertThat(events.countDocuments()).isEqualTo(appended.size());
      assertThat(ledger.status().lost()).isZero();
      assertThat(ledger.spooled()).isZero();
    }
  }

  private static ApiKeyRecord key() {
    ApiKeySecret secret = new ApiKeySecret("bgw_" + UUID.randomUUID());
    return ApiKeyRecord.configured(
        secret, new KeyId("k" + KeyHash.of(secret.value()).hex().substring(0, 12)), PLAN);
  }
}
