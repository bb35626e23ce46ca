package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.bootstrap.Gateway;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rotating a key never starts its limits again: the old and new secret share them. */
class RotationEndToEndTest {
  private static final String ADMIN_TOKEN = "rotation-admin-token-0123456789";
  private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + ADMIN_TOKEN);

  private Gateway gateway;
  private SseClient client;
  private SseClient admin;

  @BeforeEach
  void start() {
    gateway =
        TestGateways.start(
            Map.of(
                "ADMIN_TOKEN",
                ADMIN_TOKEN,
                "RATE_LIMIT_REQUESTS",
                "4",
                "RATE_LIMIT_WINDOW",
                "3600"));
    client = new SseClient(gateway.port());
    admin = new SseClient(gateway.adminPort());
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void aRotatedKeysSuccessorHasWhatIsLeftOfTheLimitsNotAFreshSet() {
    JsonNode created =
        SseClient.parse(admin.post("/admin/v1/keys", "{\"name\":\"Rotating bot\"}", ADMIN).body());
    String original = created.path("key").asText();
    String id = created.path("api_key").path("id").asText();
    assertThat(converse(original).statusCode()).isEqualTo(200);
    assertThat(converse(original).headers().firstValue("X-RateLimit-Remaining")).contains("2");

    HttpResponse<String> rotated =
        admin.post("/admin/v1/keys/" + id + "/rotate", "{\"grace_seconds\":600}", ADMIN);
    String successor = SseClient.parse(rotated.body()).path("key").asText();

    HttpResponse<String> third = converse(successor);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(third.headers().firstValue("X-RateLimit-Remaining")).contains("1");
    // during the grace period the old secret spends the same limits
    assertThat(converse(original).statusCode()).isEqualTo(200);
    assertThat(converse(successor).statusCode()).isEqualTo(429);
    assertThat(converse(original).statusCode()).isEqualTo(429);
  }

  private HttpResponse<String> converse(String key) {
    return client.post("/api/v1/converse", SseClient.chat("Hello"), Map.of("X-API-Key", key));
  }
}
