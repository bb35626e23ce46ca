package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/models} is asked by both the OpenAI and the Anthropic SDKs: it answers in
 * Anthropic's shape exactly when the request carries {@code anthropic-version}, as Anthropic's
 * clients always do, and in OpenAI's otherwise — refusals included.
 */
class SharedModelsRouteTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anthropicsClientsGetAnthropicsListShape() {
    HttpResponse<String> response =
        server.send(
            server
                .request("/v1/models")
                .header("x-api-key", TestServer.KEY)
                .header("anthropic-version", "2023-06-01")
                .GET());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = TestServer.json(response.body());
    assertThat(body.has("has_more")).isTrue();
    assertThat(body.path("data").isArray()).isTrue();
    assertThat(body.has("object")).isFalse();
  }

  @Test
  void everyoneElseGetsOpenAisListShape() {
    HttpResponse<String> response =
        server.send(
            server.request("/v1/models").header("Authorization", "Bearer " + TestServer.KEY).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = TestServer.json(response.body());
    assertThat(body.path("object").asText()).isEqualTo("list");
    assertThat(body.has("has_more")).isFalse();
  }

  @Test
  void aMissingKeyIsRefusedInTheShapeTheClientReads() {
    HttpResponse<String> anthropic =
        server.send(server.request("/v1/models").header("anthropic-version", "2023-06-01").GET());
    HttpResponse<String> openAi = server.send(server.request("/v1/models").GET());

    assertThat(anthropic.statusCode()).isEqualTo(401);
    assertThat(TestServer.json(anthropic.body()).path("type").asText()).isEqualTo("error");
    assertThat(openAi.statusCode()).isEqualTo(401);
    assertThat(TestServer.json(openAi.body()).path("error").path("type").asText())
        .isEqualTo("authentication_error");
  }
}
