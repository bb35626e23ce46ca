package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.bedrockgateway.adapter.mongo.MongoFixture;
import io.bedrockgateway.adapter.mongo.OutageProxy;
import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB goes away while requests flow, and the gateway restarts before it returns: every request
 * is served, and once MongoDB is back each is in the ledger exactly once.
 */
class UsageOutageEndToEndTest {
  private static final String KEY = "outage-test-key-0123456789";
  private static final int BEFORE_RESTART = 25;
  private static final int AFTER_RESTART = 15;

  @TempDir Path spool;

  @Test
  void noUsageIsLostOrDoubledAcrossAnOutageAndARestart() throws Exception {
    String database = "outage_" + UUID.randomUUID().toString().replace("-", "");
    try (BedrockEmulator emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
        MongoGateways gateways = new MongoGateways(emulator);
        OutageProxy proxy = OutageProxy.to(MongoFixture.shared().address());
        MongoClient direct = MongoClients.create(MongoFixture.shared().uri(database))) {
      String uri = MongoFixture.viaProxy(proxy, database);
      Map<String, String> variables = Map.of("API_KEYS", KEY, "RATE_LIMIT_REQUESTS", "0");
      MongoCollection<Document> events = direct.getDatabase(database).getCollection("usage_events");

      Gateway first = gateways.start(uri, spool, variables);
      proxy.cut();
      SseClient client = new SseClient(first.port());
      serve(client, BEFORE_RESTART);
      JsonNode health = SseClient.parse(awaitMongoDown(client));
      assertThat(health.path("status").asText()).isEqualTo("degraded");
      gateways.stop(first);
      assertThat(spooledEvents()).isEqualTo(BEFORE_RESTART);

      Gateway second = gateways.start(uri, spool, variables);
      serve(new SseClient(second.port()), AFTER_RESTART);
      proxy.resume();

      long expected = BEFORE_RESTART + AFTER_RESTART;
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (events.countDocuments() < expected && Instant.now().isBefore(deadline)) {
        Thread.sleep(200);
      }
      gateways.stop(second);

      assertThat(events.countDocuments()).isEqualTo(expected);
      assertThat(events.distinct("_id", String.class).into(new java.util.ArrayList<>()))
          .hasSize((int) expected);
      assertThat(spooledEvents()).isZero();
    }
  }

  private static void serve(SseClient client, int requests) {
    for (int i = 0; i < requests; i++) {
      assertThat(
              client
                  .post("/api/v1/converse", SseClient.chat("Hello " + i), Map.of("X-API-Key", KEY))
                  .statusCode())
          .isEqualTo(200);
    }
  }

  /** The health answer once the gateway has noticed that MongoDB is gone. */
  private static String awaitMongoDown(SseClient client) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    String body = client.get("/health").body();
    while (!SseClient.parse(body)
            .path("services")
            .path("mongo")
            .path("status")
            .asText()
            .equals("down")
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      body = client.get("/health").body();
    }
    return body;
  }

  private long spooledEvents() throws IOException {
    try (Stream<Path> segments = Files.list(spool)) {
      long lines = 0;
      for (Path segment : segments.toList()) {
        lines += Files.readAllLines(segment).stream().filter(line -> !line.isBlank()).count();
      }
      return lines;
    }
  }
}
