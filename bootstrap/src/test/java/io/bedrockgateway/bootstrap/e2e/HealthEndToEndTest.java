package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.bootstrap.Gateway;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The health routes of a gateway wired as in production, in embedded mode. */
class HealthEndToEndTest {
  private static final String KEY = "health-key-0123456789";
  private static final String ADMIN_TOKEN = "health-admin-token-0123456789";

  private Gateway gateway;
  private SseClient client;

  @BeforeEach
  void start() {
    gateway = TestGateways.start(Map.of("API_KEYS", KEY, "ADMIN_TOKEN", ADMIN_TOKEN));
    client = new SseClient(gateway.port());
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void livenessAndReadinessAnswerWithoutAKey() {
    assertThat(client.get("/health/live").statusCode()).isEqualTo(200);
    assertThat(client.get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void aKeySeesStatusWordsAndTheOperatorTheDetailOnTheAdminListener() {
    client.post("/api/v1/converse", SseClient.chat("Hello"), Map.of("X-API-Key", KEY));

    JsonNode words =
        SseClient.parse(client.get("/api/v1/bedrock/health", Map.of("X-API-Key", KEY)).body());
    JsonNode detail =
        SseClient.parse(
            new SseClient(gateway.adminPort())
                .get("/admin/v1/health", Map.of("Authorization", "Bearer " + ADMIN_TOKEN))
                .body());

    assertThat(client.get("/api/v1/health").statusCode()).isEqualTo(401);
    assertThat(words.at("/services/bedrock/status").asText()).isEqualTo("up");
    assertThat(words.at("/services/bedrock/detail").isMissingNode()).isTrue();
    assertThat(detail.path("status").asText()).isEqualTo("healthy");
    assertThat(detail.at("/services/bedrock/detail").asText())
        .startsWith("credentials resolvable; last call succeeded at");
    assertThat(detail.at("/services/bedrock/latency_ms").isNumber()).isTrue();
    assertThat(detail.at("/usage/spooled").asLong()).isZero();
  }
}
