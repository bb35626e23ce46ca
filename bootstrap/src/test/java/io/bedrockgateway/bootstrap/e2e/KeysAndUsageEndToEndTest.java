package io.bedrockgateway.bootstrap.e2e;

import static io.bedrockgateway.bootstrap.e2e.MongoGateways.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.bedrockgateway.adapter.mongo.MongoFixture;
import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatorSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Key management and the usage ledger through whole gateways sharing one MongoDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeysAndUsageEndToEndTest {
  private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + ADMIN_TOKEN);
  private static final String CONFIGURED_KEY = "team-key-from-env-0123456789";

  private BedrockEmulator emulator;
  private MongoGateways gateways;
  @TempDir Path spool;

  @BeforeAll
  void startEmulator() {
    emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
  }

  @AfterEach
  void stopGateways() {
    gateways.close();
  }

  @AfterAll
  void stopEmulator() {
    emulator.close();
  }

  @Test
  void createUseRotateRevokeAcrossTwoInstances() throws InterruptedException {
    gateways = new MongoGateways(emulator);
    String uri = MongoFixture.shared().freshDatabaseUri();
    Map<String, String> variables = Map.of("KEY_CACHE_TTL", "1", "RATE_LIMIT_REQUESTS", "0");
    Gateway one = gateways.start(uri, spool.resolve("a"), variables);
    Gateway two = gateways.start(uri, spool.resolve("b"), variables);
    SseClient first = new SseClient(one.port());
    SseClient second = new SseClient(two.port());
    SseClient firstAdmin = new SseClient(one.adminPort());
    SseClient secondAdmin = new SseClient(two.adminPort());

    HttpResponse<String> created =
        firstAdmin.post(
            "/admin/v1/keys",
            "{\"name\":\"Search bot\",\"department\":\"research\",\"project\":\"apollo\"}",
            ADMIN);
    assertThat(created.statusCode()).isEqualTo(201);
    String original = SseClient.parse(created.body()).path("key").asText();
    String originalId = SseClient.parse(created.body()).path("api_key").path("id").asText();
    assertThat(converse(first, original)).isEqualTo(200);
    assertThat(converse(second, original)).isEqualTo(200);

    HttpResponse<String> rotated =
        secondAdmin.post(
            "/admin/v1/keys/" + originalId + "/rotate", "{\"grace_seconds\":2}", ADMIN);
    assertThat(rotated.statusCode()).isEqualTo(201);
    String successor = SseClient.parse(rotated.body()).path("key").asText();
    String successorId = SseClient.parse(rotated.body()).path("api_key").path("id").asText();
    assertThat(
            SseClient.parse(rotated.body())
                .path("api_key")
                .path("rotated_from")
                .path("key_id")
                .asText())
        .isEqualTo(originalId);
    for (SseClient gateway : List.of(first, second)) {
      assertThat(converse(gateway, original)).as("old key during the grace").isEqualTo(200);
      assertThat(converse(gateway, successor)).as("new key").isEqualTo(200);
    }

    Thread.sleep(3_200); // the grace, then the key cache's lifetime
    for (SseClient gateway : List.of(first, second)) {
      assertThat(converse(gateway, original)).as("old key after the grace").isEqualTo(401);
      assertThat(converse(gateway, successor)).isEqualTo(200);
    }

    assertThat(firstAdmin.post("/admin/v1/keys/" + successorId + "/revoke", "", ADMIN).statusCode())
        .isEqualTo(200);
    Thread.sleep(1_200); // the key cache's lifetime
    for (SseClient gateway : List.of(first, second)) {
      assertThat(converse(gateway, successor)).as("revoked key").isEqualTo(401);
    }
    JsonNode keys = SseClient.parse(secondAdmin.get("/admin/v1/keys", ADMIN).body()).path("keys");
    assertThat(keys.findValuesAsText("status")).containsExactly("expired", "revoked");
  }

  @Test
  void everyRequestIsInTheLedgerWithItsOutcomeAndNoStoredDocumentHoldsASecret() {
    gateways = new MongoGateways(emulator);
    String database = "ledger_" + UUID.randomUUID().toString().replace("-", "");
    String uri = MongoFixture.shared().uri(database);
    Map<String, String> variables =
        Map.of("API_KEYS", CONFIGURED_KEY, "RATE_LIMIT_REQUESTS", "2", "MAX_REQUEST_BYTES", "4096");
    Gateway gateway = gateways.start(uri, spool, variables);
    SseClient client = new SseClient(gateway.port());
    String restricted =
        SseClient.parse(
                new SseClient(gateway.adminPort())
                    .post(
                        "/admin/v1/keys",
                        "{\"name\":\"Lite only\",\"department\":\"sales\","
                            + "\"allowed_models\":[\"amazon.nova-lite-v1:0\"]}",
                        ADMIN)
                    .body())
            .path("key")
            .asText();
    String path = "/api/v1/bedrock/converse";
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + CONFIGURED_KEY);

    List<Integer> statuses = new ArrayList<>();
    statuses.add(client.post(path, SseClient.chat("one"), bearer).statusCode());
    statuses.add(
        client.post("/api/v1/converse-stream", SseClient.chat("two"), bearer).statusCode());
    statuses.add(client.post(path, SseClient.chat("three"), bearer).statusCode());
    statuses.add(client.post(path, SseClient.chat("x"), Map.of("X-API-Key", "wrong")).statusCode());
    statuses.add(client.post(path, SseClient.chat("x"), Map.of()).statusCode());
    statuses.add(
        client.post(path, "{\"messages\": [", Map.of("X-API-Key", restricted)).statusCode());
    statuses.add(
        client
            .post(path, SseClient.chat("y".repeat(5_000)), Map.of("X-API-Key", restricted))
            .statusCode());
    statuses.add(
        client.post(path, SseClient.chat("x"), Map.of("X-API-Key", restricted)).statusCode());
    assertThat(statuses).containsExactly(200, 200, 429, 401, 401, 400, 413, 403);

    gateways.stop(gateway);

    try (MongoClient mongo = MongoClients.create(uri)) {
      MongoDatabase stored = mongo.getDatabase(database);
      List<Document> events = stored.getCollection("usage_events").find().into(new ArrayList<>());
      assertThat(events)
          .extracting(event -> event.getString("outcome") + ":" + event.getString("error_kind"))
          .containsExactlyInAnyOrder(
              "succeeded:null",
              "succeeded:null",
              "rejected:rate_limited",
              "rejected:invalid_request",
              "rejected:payload_too_large",
              "rejected:forbidden");
      assertThat(events)
          .filteredOn(event -> "invalid_request".equals(event.getString("error_kind")))
          .singleElement()
          .satisfies(event -> assertThat(event.getString("department")).isEqualTo("sales"));
      for (String collection : stored.listCollectionNames()) {
        for (Document document : stored.getCollection(collection).find()) {
          assertThat(document.toJson())
              .as("a document of %s", collection)
              .doesNotContain(
                  CONFIGURED_KEY, restricted, ADMIN_TOKEN, "wrong", "Bearer", "X-API-Key");
        }
      }
    }

    Gateway restarted = gateways.start(uri, spool, variables);
    SseClient reader = new SseClient(restarted.port());
    JsonNode everything =
        SseClient.parse(
            new SseClient(restarted.adminPort())
                .get("/admin/v1/usage?group_by=department", ADMIN)
                .body());
    JsonNode own =
        SseClient.parse(
            reader.get("/api/v1/bedrock/usage", Map.of("X-API-Key", restricted)).body());
    JsonNode stats = SseClient.parse(reader.get("/api/v1/stats", bearer).body());
    // the two requests without a valid key were refused before their bodies, and not recorded
    assertThat(everything.path("total").path("requests").asLong()).isEqualTo(6);
    assertThat(everything.path("groups").findValuesAsText("group")).contains("sales");
    assertThat(own.path("total").path("requests").asLong()).isEqualTo(3);
    assertThat(own.path("total").path("errors").asLong()).isEqualTo(3);
    assertThat(stats.path("period").asText()).isEqualTo("7_days");
    assertThat(stats.path("statistics").path("total_requests").asLong()).isEqualTo(3);
    assertThat(stats.path("statistics").path("successful_requests").asLong()).isEqualTo(2);
    assertThat(stats.path("statistics").path("failed_requests").asLong()).isEqualTo(1);
  }

  @Test
  void requestsReusingOneClientRequestIdAreEachRecordedUnderAnIdOfTheGateway() {
    gateways = new MongoGateways(emulator);
    String database = "reused_" + UUID.randomUUID().toString().replace("-", "");
    String uri = MongoFixture.shared().uri(database);
    Gateway gateway =
        gateways.start(uri, spool, Map.of("API_KEYS", CONFIGURED_KEY, "RATE_LIMIT_REQUESTS", "0"));
    SseClient client = new SseClient(gateway.port());
    String reused = "client-chosen-id-42";
    Map<String, String> headers = Map.of("X-API-Key", CONFIGURED_KEY, "X-Request-ID", reused);

    for (int i = 0; i < 5; i++) {
      HttpResponse<String> answer =
          client.post("/api/v1/converse", SseClient.chat("Hello " + i), headers);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("X-Request-ID")).contains(reused);
    }
    gateways.stop(gateway);

    try (MongoClient mongo = MongoClients.create(uri)) {
      List<Document> events =
          mongo.getDatabase(database).getCollection("usage_events").find().into(new ArrayList<>());
      assertThat(events).hasSize(5);
      assertThat(events)
          .extracting(event -> event.getString("client_request_id"))
          .containsOnly(reused);
      assertThat(events).extracting(event -> event.get("_id")).doesNotHaveDuplicates();
      assertThat(events).extracting(event -> event.get("_id")).doesNotContain(reused);
    }
  }

  private static int converse(SseClient gateway, String key) {
    return gateway
        .post("/api/v1/converse", SseClient.chat("Hello"), Map.of("X-API-Key", key))
        .statusCode();
  }
}
