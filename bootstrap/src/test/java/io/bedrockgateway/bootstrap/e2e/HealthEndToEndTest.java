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
  private static final String KEY = "health-key";

  private Gateway gateway;
  private SseClient client;

  @BeforeEach
  void start() {
    gateway = TestGateways.start(Map.of("API_KEYS", KEY));
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
  void theDetailNamesBedrocksLastOutcomeAndTheUsageBacklogForAValidKey() {
    client.post("/api/v1/converse", SseClient.chat("Hello"), Map.of("X-API-Key", KEY));

    JsonNode detail =
        SseClient.parse(client.get("/api/v1/bedrock/health", Map.of("X-API-Key", KEY)).body());

    assertThat(client.get("/api/v1/health").statusCode()).isEqualTo(401);
    assertThat(detail.path("status").asText()).isEqualTo("healthy");
    assertThat(detail.at("/services/bedrock/detail").asText())
        .startsWith("credentials resolvable; last call succeeded at");
    assertThat(detail.at("/services/bedrock/latency_ms").isNumber()).isTrue();
    assertThat(detail.at("/usage/spooled").asLong()).isZero();
  }
}
