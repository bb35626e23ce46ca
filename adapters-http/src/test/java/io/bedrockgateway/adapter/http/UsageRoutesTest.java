package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.ADMIN_TOKEN;
import static io.bedrockgateway.adapter.http.TestServer.KEY;
import static io.bedrockgateway.adapter.http.TestServer.NOW;
import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.application.port.in.UsageReportCommand;
import io.bedrockgateway.application.port.in.UsageReportCommand.Viewer;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.UsageGrouping;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsageRoutesTest {
  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/usage", "/api/v1/bedrock/usage"})
  void aKeyHolderAsksForTheirOwnUsageOnBothPrefixes(String path) {
    HttpResponse<String> response =
        server.send(
            server
                .request(path + "?from=2026-11-01&to=2026-11-30&group_by=model")
                .header("X-API-Key", KEY));

    assertThat(response.statusCode()).isEqualTo(200);
    UsageReportCommand command = server.usage.commands.getLast();
    assertThat(command.viewer()).isEqualTo(new Viewer.KeyHolder(FakeAuthenticateUseCase.CALLER));
    assertThat(command.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(command.to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(command.groupBy()).isEqualTo(UsageGrouping.MODEL);
    JsonNode body = json(response.body());
    assertThat(body.path("group_by").asText()).isEqualTo("model");
    assertThat(body.path("groups").get(0).has("group")).isTrue();
    assertThat(body.path("groups").get(0).path("group").isNull()).isTrue();
    JsonNode group = body.path("groups").get(1);
    assertThat(group.path("group").asText()).isEqualTo("known1");
    assertThat(group.path("usage").path("requests").asLong()).isEqualTo(4);
    assertThat(group.path("usage").path("cost_usd").toString()).isEqualTo("10");
    assertThat(group.path("usage").path("avg_latency_ms").asLong()).isEqualTo(250);
    assertThat(group.path("usage").path("cache_read_input_tokens").asLong()).isEqualTo(3_000);
    assertThat(group.path("usage").path("cache_write_input_tokens").asLong()).isEqualTo(40);
    assertThat(body.path("total").path("max_latency_ms").asLong()).isEqualTo(2_500);
  }

  @Test
  void theOperatorSeesEverythingOnTheAdminListenerAndDefaultsCoverTheLastThirtyDaysByKey() {
    HttpResponse<String> response =
        server.send(server.asAdmin(server.adminRequest("/admin/v1/usage")));

    assertThat(response.statusCode()).isEqualTo(200);
    UsageReportCommand command = server.usage.commands.getLast();
    assertThat(command.viewer()).isInstanceOf(Viewer.Operator.class);
    assertThat(command.to()).isEqualTo(NOW);
    assertThat(command.from()).isEqualTo(NOW.minus(Duration.ofDays(30)));
    assertThat(command.groupBy()).isEqualTo(UsageGrouping.KEY);
  }

  @Test
  void usageCanBeNarrowedToTheRequestsOfOneClientRequestId() {
    HttpResponse<String> found =
        server.send(
            server.asAdmin(server.adminRequest("/admin/v1/usage?client_request_id=order-42.a")));
    HttpResponse<String> malformed =
        server.send(
            server.asAdmin(server.adminRequest("/admin/v1/usage?client_request_id=two%20words")));

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(server.usage.commands.getFirst().clientRequestId())
        .contains(new RequestId("order-42.a"));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed.body()).path("detail").asText()).contains("client_request_id");
    assertThat(server.usage.commands).hasSize(1);
  }

  @Test
  void theOperatorMayNarrowUsageToOneKey() {
    HttpResponse<String> found =
        server.send(
            server.asAdmin(server.adminRequest("/admin/v1/usage?key_id=abc123&group_by=day")));
    HttpResponse<String> malformed =
        server.send(server.asAdmin(server.adminRequest("/admin/v1/usage?key_id=no-such!")));

    assertThat(found.statusCode()).isEqualTo(200);
    UsageReportCommand command = server.usage.commands.getFirst();
    assertThat(command.key()).contains(new KeyId("abc123"));
    assertThat(command.groupBy()).isEqualTo(UsageGrouping.DAY);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed.body()).path("detail").asText()).startsWith("key_id: ");
    assertThat(server.usage.commands).hasSize(1);
  }

  @Test
  void aKeyHoldersKeyIdIsPassedOnForTheUseCaseToCheck() {
    HttpResponse<String> response =
        server.send(server.request("/api/v1/usage?key_id=other1").header("X-API-Key", KEY));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.usage.commands.getLast().key()).contains(new KeyId("other1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/usage", "/api/v1/stats", "/api/v1/health"})
  void thePublicListenerNeverTakesTheAdminTokenForAKey(String path) {
    HttpResponse<String> bearer =
        server.send(server.request(path).header("Authorization", "Bearer " + ADMIN_TOKEN));
    HttpResponse<String> header =
        server.send(server.request(path).header("X-Admin-Token", ADMIN_TOKEN));

    assertThat(bearer.statusCode()).isEqualTo(401);
    assertThat(header.statusCode()).isEqualTo(401);
    assertThat(server.usage.commands).isEmpty();
  }

  @Test
  void theOperatorsUsageIsNotOnThePublicListener() {
    HttpResponse<String> response = server.send(server.asAdmin(server.request("/admin/v1/usage")));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(server.usage.commands).isEmpty();
  }

  @Test
  void badParametersAndMissingKeysAreClearErrors() {
    HttpResponse<String> grouping =
        server.send(server.request("/api/v1/usage?group_by=team").header("X-API-Key", KEY));
    HttpResponse<String> date =
        server.send(server.request("/api/v1/usage?from=yesterday").header("X-API-Key", KEY));
    HttpResponse<String> order =
        server.send(
            server.request("/api/v1/usage?from=2026-11-02&to=2026-11-01").header("X-API-Key", KEY));
    HttpResponse<String> noKey = server.send(server.request("/api/v1/usage"));
    HttpResponse<String> wrongAdmin =
        server.send(server.request("/api/v1/usage").header("X-Admin-Token", "wrong"));

    assertThat(grouping.statusCode()).isEqualTo(400);
    assertThat(json(grouping.body()).path("detail").asText()).contains("group_by", "department");
    assertThat(date.statusCode()).isEqualTo(400);
    assertThat(json(date.body()).path("detail").asText()).contains("from");
    assertThat(order.statusCode()).isEqualTo(400);
    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(wrongAdmin.statusCode()).isEqualTo(401);
  }

  @Test
  void statsKeepTheEarlierGatewaysShape() {
    HttpResponse<String> response =
        server.send(server.request("/api/v1/bedrock/stats").header("X-API-Key", KEY));

    JsonNode body = json(response.body());
    assertThat(body.path("period").asText()).isEqualTo("7_days");
    JsonNode statistics = body.path("statistics");
    assertThat(statistics.path("total_requests").asLong()).isEqualTo(4);
    assertThat(statistics.path("successful_requests").asLong()).isEqualTo(3);
    assertThat(statistics.path("failed_requests").asLong()).isEqualTo(1);
    assertThat(statistics.path("avg_processing_time").asDouble()).isEqualTo(0.25);
    assertThat(statistics.path("max_processing_time").asDouble()).isEqualTo(2.5);
    assertThat(statistics.has("total_request_size")).isTrue();
    assertThat(statistics.path("unique_api_keys").asLong()).isEqualTo(1);
    assertThat(statistics.path("unique_clients").asLong()).isEqualTo(2);
    assertThat(server.usage.commands.getLast().from()).isEqualTo(NOW.minus(Duration.ofDays(7)));
  }
}
