package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.ADMIN_TOKEN;
import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.application.port.in.CreateKeyCommand;
import io.bedrockgateway.application.port.in.RotateKeyCommand;
import io.bedrockgateway.application.port.in.UpdateKeyCommand;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.plan.RequestRate;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminRoutesTest {
  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void createsAKeyAndShowsThePlainKeyOnceNeverToBeCached() {
    HttpResponse<String> response =
        server.send(
            server.asAdmin(
                server.adminPost(
                    "/admin/v1/keys",
                    """
                    {"name":"Search bot","department":"research","application":"search",
                     "plan":"team","allowed_models":["amazon.nova-lite-v1:0"],
                     "limits":{"requests":10,"window_seconds":60,"monthly_budget_usd":25.5},
                     "expires_at":"2027-01-01T00:00:00Z"}
                    """)));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    JsonNode body = json(response.body());
    assertThat(body.path("key").asText()).isEqualTo(FakeManageKeysUseCase.PLAIN.value());
    assertThat(body.path("api_key").path("id").asText()).isEqualTo("known1");
    assertThat(body.path("api_key").path("status").asText()).isEqualTo("active");
    assertThat(body.path("api_key").has("hash")).isFalse();
    CreateKeyCommand command = server.keys.last(CreateKeyCommand.class);
    assertThat(command.owner().name()).isEqualTo("Search bot");
    assertThat(command.owner().department()).contains("research");
    assertThat(command.plan()).contains("team");
    assertThat(command.allowedModels()).containsExactly(new ModelId("amazon.nova-lite-v1:0"));
    assertThat(command.overrides().requests()).contains(new RequestRate(10, Duration.ofMinutes(1)));
    assertThat(command.overrides().monthlyBudget()).contains(Usd.of("25.5"));
    assertThat(command.expiresAt()).contains(Instant.parse("2027-01-01T00:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"department\":\"x\"} | name",
        "{\"name\":\"\"} | name",
        "{\"name\":\"a\",\"expires_at\":\"tomorrow\"} | expires_at",
        "{\"name\":\"a\",\"limits\":{\"requests\":5}} | window_seconds",
        "{\"name\":\"a\",\"limits\":{\"tokens_per_day\":0}} | tokensPerDay",
        "{\"name\":\"a\",\"allowed_models\":[\"has space\"]} | allowed_models[0]",
        "{\"name\": | not valid JSON"
      })
  void refusesABadKeyWithA400NamingTheField(String body, String field) {
    HttpResponse<String> response =
        server.send(server.asAdmin(server.adminPost("/admin/v1/keys", body)));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).path("detail").asText()).contains(field);
    assertThat(json(response.body()).path("request_id").asText()).isNotBlank();
  }

  @Test
  void listsGetsRevokesAndAnswers404ForUnknownKeys() {
    JsonNode list = json(server.send(server.asAdmin(server.adminRequest("/admin/v1/keys"))).body());
    HttpResponse<String> known =
        server.send(server.asAdmin(server.adminRequest("/admin/v1/keys/known1")));
    HttpResponse<String> unknown =
        server.send(server.asAdmin(server.adminRequest("/admin/v1/keys/nope")));
    HttpResponse<String> malformed =
        server.send(server.asAdmin(server.adminRequest("/admin/v1/keys/not-an-id!")));
    HttpResponse<String> revoked =
        server.send(server.asAdmin(server.adminPost("/admin/v1/keys/known1/revoke", "")));

    assertThat(list.path("keys")).hasSize(1);
    assertThat(json(known.body()).path("name").asText()).isEqualTo("Known key");
    assertThat(known.body()).doesNotContain(FakeManageKeysUseCase.PLAIN.value());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(malformed.statusCode()).isEqualTo(404);
    assertThat(json(revoked.body()).path("status").asText()).isEqualTo("revoked");
  }

  @Test
  void rotatesWithTheDefaultGraceOrTheOneGiven() {
    server.send(server.asAdmin(server.adminPost("/admin/v1/keys/known1/rotate", "")));
    RotateKeyCommand byDefault = server.keys.last(RotateKeyCommand.class);
    HttpResponse<String> response =
        server.send(
            server.asAdmin(
                server.adminPost("/admin/v1/keys/known1/rotate", "{\"grace_seconds\":60}")));

    assertThat(byDefault.grace()).isEqualTo(RotateKeyCommand.DEFAULT_GRACE);
    assertThat(server.keys.last(RotateKeyCommand.class).grace()).isEqualTo(Duration.ofMinutes(1));
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(json(response.body()).path("key").asText()).startsWith("bgw_");
  }

  @Test
  void patchesOnlyTheFieldsSentAndClearsWithNull() {
    HttpResponse<String> response =
        server.send(
            server
                .asAdmin(server.adminRequest("/admin/v1/keys/known1"))
                .header("Content-Type", "application/json")
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofString(
                        "{\"plan\":\"gold\",\"project\":null,\"department\":\"ops\"}")));

    assertThat(response.statusCode()).isEqualTo(200);
    UpdateKeyCommand command = server.keys.last(UpdateKeyCommand.class);
    assertThat(command.plan()).contains("gold");
    assertThat(command.project()).contains(Optional.empty());
    assertThat(command.department()).contains(Optional.of("ops"));
    assertThat(command.application()).isEmpty();
    assertThat(command.name()).isEmpty();
    assertThat(command.expiresAt()).isEmpty();
  }

  @Test
  void needsTheAdminTokenInEitherHeaderAndNeverAnApiKey() {
    HttpResponse<String> none = server.send(server.adminRequest("/admin/v1/keys"));
    HttpResponse<String> wrong =
        server.send(server.adminRequest("/admin/v1/keys").header("Authorization", "Bearer wrong"));
    HttpResponse<String> apiKey =
        server.send(server.adminRequest("/admin/v1/keys").header("X-API-Key", TestServer.KEY));
    HttpResponse<String> header =
        server.send(server.adminRequest("/admin/v1/keys").header("X-Admin-Token", ADMIN_TOKEN));

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(json(none.body()).path("error").asText()).isEqualTo("Admin token required");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(json(wrong.body()).path("error").asText()).isEqualTo("Invalid admin token");
    assertThat(apiKey.statusCode()).isEqualTo(401);
    assertThat(header.statusCode()).isEqualTo(200);
    assertThat(server.keys.commands).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"GET, /admin/v1/keys", "POST, /admin/v1/keys", "GET, /admin/v1/keys/known1"})
  void isNotOnThePublicListenerEvenWithTheAdminToken(String method, String path) {
    HttpResponse<String> bearer =
        server.send(
            server.asAdmin(
                server.request(path).method(method, HttpRequest.BodyPublishers.ofString("{}"))));
    HttpResponse<String> header =
        server.send(
            server
                .request(path)
                .header("X-Admin-Token", ADMIN_TOKEN)
                .method(method, HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(bearer.statusCode()).isEqualTo(404);
    assertThat(header.statusCode()).isEqualTo(404);
    assertThat(server.keys.commands).isEmpty();
  }

  @Test
  void isOffWithoutAnAdminToken() {
    try (TestServer noAdmin = new TestServer(HttpSettings.onFreePorts(Optional.empty()))) {
      HttpResponse<String> response =
          noAdmin.send(noAdmin.asAdmin(noAdmin.adminRequest("/admin/v1/keys")));

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(json(response.body()).path("detail").asText()).contains("ADMIN_TOKEN");
    }
  }
}
