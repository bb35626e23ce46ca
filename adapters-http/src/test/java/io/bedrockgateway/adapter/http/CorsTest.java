package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsTest {
  private static final String APP = "https://app.example.com";

  @Test
  void anAllowedOriginMayReadTheAnswerAndItsHeaders() {
    try (TestServer server = new TestServer(TestServer.settings(List.of(APP), List.of()))) {
      HttpResponse<String> response =
          server.send(server.post("/api/v1/converse", HELLO).header("Origin", APP));

      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
      assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
          .hasValueSatisfying(
              exposed -> assertThat(exposed).contains("X-Request-ID", "X-RateLimit-Remaining"));
    }
  }

  @Test
  void aPreflightIsAnswered() {
    try (TestServer server = new TestServer(TestServer.settings(List.of(APP), List.of()))) {
      HttpResponse<String> response =
          server.send(
              server
                  .request("/api/v1/bedrock/converse-stream")
                  .header("Origin", APP)
                  .header("Access-Control-Request-Method", "POST")
                  .header("Access-Control-Request-Headers", "x-api-key, content-type")
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
      assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
          .contains("x-api-key, content-type");
    }
  }

  @Test
  void anyOriginWhenConfiguredWithAStar() {
    try (TestServer server = new TestServer(TestServer.settings(List.of("*"), List.of()))) {
      HttpResponse<String> response =
          server.send(server.request("/health").header("Origin", "https://elsewhere.example"));

      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    }
  }

  @Test
  void noCorsHeadersWhenNoOriginIsConfigured() {
    try (TestServer server = new TestServer()) {
      HttpResponse<String> response = server.send(server.request("/health").header("Origin", APP));

      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }
}
