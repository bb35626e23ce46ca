package io.bedrockgateway.bootstrap.e2e;

import static io.bedrockgateway.bootstrap.e2e.MongoGateways.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatorSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MongoDB server process is stopped with {@code SIGSTOP} (not killed: its sockets stay open and
 * nothing answers) while a managed key is in use. Every request is still answered; after {@code
 * SIGCONT} the running gateway writes every event, each exactly once, with no restart. The timeouts
 * guard against a hang; they measure nothing.
 */
@DisabledOnOs(OS.WINDOWS)
class StoppedMongoEndToEndTest {
  private static final int WHILE_STOPPED = 20;
  private static final Duration HANG_GUARD = Duration.ofSeconds(120);

  @TempDir Path spool;

  @Test
  void requestsAreAnsweredWhileMongoIsStoppedAndEveryEventLandsAfterItContinues() {
    String database = "stopped";
    try (BedrockEmulator emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
        MongoGateways gateways = new MongoGateways(emulator);
        MongoServerProcess mongo = MongoServerProcess.start();
        MongoClient direct = MongoClients.create(mongo.uri(database))) {
      // a fresh server process answers slowly at first; the gateway's timeouts are short
      direct.getDatabase(database).runCommand(new Document("ping", 1));
      Gateway gateway =
          gateways.start(
              mongo.uri(database),
              spool,
              Map.of(
                  "RATE_LIMIT_REQUESTS", "0",
                  "KEY_CACHE_TTL", "0", // every request looks its key up in MongoDB
                  "MONGODB_TIMEOUT_MS", "500"));
      String key = createKey(new SseClient(gateway.adminPort()));
      SseClient client = new SseClient(gateway.port());
      assertThat(converse(client, key, 0)).isEqualTo(200);

      mongo.stop();
      try {
        assertTimeoutPreemptively(
            HANG_GUARD,
            () -> {
              for (int i = 1; i <= WHILE_STOPPED; i++) {
                assertThat(converse(client, key, i)).as("request %d", i).isEqualTo(200);
              }
            },
            "requests waited on the stopped MongoDB");
      } finally {
        mongo.resume();
      }

      MongoCollection<Document> events = direct.getDatabase(database).getCollection("usage_events");
      long expected = 1 + WHILE_STOPPED;
      assertTimeoutPreemptively(
          HANG_GUARD,
          () -> {
            while (events.countDocuments() < expected) {
              Thread.sleep(200);
            }
          },
          "the events were not written after MongoDB went on");
      assertThat(events.countDocuments()).isEqualTo(expected);
      assertThat(events.distinct("_id", String.class).into(new ArrayList<>()))
          .hasSize((int) expected);
      gateways.stop(gateway);
    }
  }

  /** A managed key, once the gateway's first MongoDB connection is up (503 until then). */
  private static String createKey(SseClient admin) {
    return assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          while (true) {
            HttpResponse<String> created =
                admin.post(
                    "/admin/v1/keys",
                    "{\"name\":\"Stopped\"}",
                    Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
            if (created.statusCode() == 201) {
              return SseClient.parse(created.body()).path("key").asText();
            }
            assertThat(created.statusCode()).isEqualTo(503);
            Thread.sleep(200);
          }
        });
  }

  private static int converse(SseClient client, String key, int i) {
    return client
        .post("/api/v1/converse", SseClient.chat("Hello " + i), Map.of("X-API-Key", key))
        .statusCode();
  }
}
