package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.KEY;
import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.application.port.in.HealthReport;
import io.bedrockgateway.domain.health.DependencyHealth;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HealthRouteTest {
  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void healthIsPublicAndCheap() {
    HttpResponse<String> response = server.send(server.request("/health"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body()))
        .isEqualTo(
            json(
                """
                {"status":"healthy","services":{"bedrock":{"status":"up"}}}
                """));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/health", "/api/v1/bedrock/health"})
  void aKeySeesStatusWordsOnlyAndTheAdminTokenIsNoKey(String path) {
    server.health.reports(
        HealthReport.of(
            Map.of("mongodb", new DependencyHealth(false, false, "/spool/x: refused"))));
    HttpResponse<String> anonymous = server.send(server.request(path));
    HttpResponse<String> withKey = server.send(server.request(path).header("X-API-Key", KEY));
    HttpResponse<String> asAdmin = server.send(server.asAdmin(server.request(path)));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(withKey.statusCode()).isEqualTo(200);
    assertThat(json(withKey.body()))
        .isEqualTo(
            json("{\"status\":\"degraded\",\"services\":{\"mongodb\":{\"status\":\"down\"}}}"));
    assertThat(withKey.body()).doesNotContain("spool", "refused");
    assertThat(asAdmin.statusCode()).isEqualTo(401);
  }

  @Test
  void theOperatorGetsTheDetailOnTheAdminListenerOnly() {
    HttpResponse<String> detail =
        server.send(server.asAdmin(server.adminRequest("/admin/v1/health")));
    HttpResponse<String> withoutToken = server.send(server.adminRequest("/admin/v1/health"));

    assertThat(withoutToken.statusCode()).isEqualTo(401);
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(json(detail.body()))
        .isEqualTo(
            json(
                """
                {"status":"healthy",
                 "services":{"bedrock":{"status":"up","critical":false,"detail":"configured",
                                        "latency_ms":2.0}},
                 "usage":{"queued":1,"spooled":2,"lost":0}}
                """));
  }

  @Test
  void livenessIsUpWhateverTheDependenciesWhileReadinessFollowsThem() {
    server.health.reports(
        HealthReport.of(Map.of("redis", new DependencyHealth(false, true, "connection refused"))));

    HttpResponse<String> live = server.send(server.request("/health/live"));
    HttpResponse<String> ready = server.send(server.request("/health/ready"));

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(json(live.body()).get("status").asText()).isEqualTo("alive");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(json(ready.body()).get("status").asText()).isEqualTo("unhealthy");
  }

  @ParameterizedTest(name = "redis up={0}, critical={1} -> {2} {3}")
  @CsvSource({
    "true, false, 200, healthy",
    "false, false, 200, degraded",
    "false, true, 503, unhealthy"
  })
  void statusFollowsTheReport(boolean up, boolean critical, int status, String overall) {
    server.health.reports(
        HealthReport.of(
            Map.of(
                "bedrock",
                DependencyHealth.up("configured"),
                "redis",
                new DependencyHealth(up, critical, up ? "ok" : "connection refused"))));

    HttpResponse<String> response = server.send(server.request("/health"));

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(json(response.body()).get("status").asText()).isEqualTo(overall);
    assertThat(json(response.body()).at("/services/redis/status").asText())
        .isEqualTo(up ? "up" : "down");
  }
}
