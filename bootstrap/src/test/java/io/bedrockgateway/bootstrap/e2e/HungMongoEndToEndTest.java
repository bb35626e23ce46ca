package io.bedrockgateway.bootstrap.e2e;

import static io.bedrockgateway.bootstrap.e2e.MongoGateways.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.bedrockgateway.adapter.mongo.MongoFixture;
import io.bedrockgateway.adapter.mongo.OutageProxy;
import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB hangs (takes connections and requests, answers nothing) while a managed key is in use:
 * every request is still answered, its key from the last known lookup and its usage taken without
 * waiting; once MongoDB answers again each request is in the ledger exactly once. The timeouts
 * guard against a hang; they measure nothing.
 */
class HungMongoEndToEndTest {
  private static final int WHILE_HUNG = 20;
  private static final Duration HANG_GUARD = Duration.ofSeconds(120);

  @TempDir Path spool;

  @Test
  void requestsAreAnsweredWhileMongoHangsAndEachIsStoredOnceAfterwards() {
    String database = "hung_" + UUID.randomUUID().toString().replace("-", "");
    try (BedrockEmulator emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
        MongoGateways gateways = new MongoGateways(emulator);
        OutageProxy proxy = OutageProxy.to(MongoFixture.shared().address());
        MongoClient direct = MongoClients.create(MongoFixture.shared().uri(database))) {
      Map<String, String> variables =
          Map.of(
              "RATE_LIMIT_REQUESTS", "0",
              "KEY_CACHE_TTL", "0", // every request looks its key up in MongoDB
              "MONGODB_TIMEOUT_MS", "500",
              "USAGE_QUEUE_CAPACITY", "4");
      Gateway gateway = gateways.start(MongoFixture.viaProxy(proxy, database), spool, variables);
      String key =
          SseClient.parse(
                  new SseClient(gateway.adminPort())
                      .post(
                          "/admin/v1/keys",
                          "{\"name\":\"Hung\"}",
                          Map.of("Authorization", "Bearer " + ADMIN_TOKEN))
                      .body())
              .path("key")
              .asText();
      SseClient client = new SseClient(gateway.port());
      assertThat(converse(client, key, 0)).isEqualTo(200);

      proxy.pause();
      try {
        assertTimeoutPreemptively(
            HANG_GUARD,
            () -> {
              for (int i = 1; i <= WHILE_HUNG; i++) {
                assertThat(converse(client, key, i)).as("request %d", i).isEqualTo(200);
              }
            },
            "requests waited on the hung MongoDB");
      } finally {
        proxy.unpause();
      }
      gateways.stop(gateway); // flushes: to MongoDB now that it answers, else to the spool

      MongoCollection<Document> events = direct.getDatabase(database).getCollection("usage_events");
      long expected = 1 + WHILE_HUNG;
      if (events.countDocuments() < expected) {
        // what the stopping gateway could not store waits in the spool: the next run replays it
        gateways.stop(gateways.start(MongoFixture.shared().uri(database), spool, variables));
      }
      assertThat(events.countDocuments()).isEqualTo(expected);
      assertThat(events.distinct("_id", String.class).into(new ArrayList<>()))
          .hasSize((int) expected);
    }
  }

  private static int converse(SseClient client, String key, int i) {
    return client
        .post("/api/v1/converse", SseClient.chat("Hello " + i), Map.of("X-API-Key", key))
        .statusCode();
  }
}
