package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.HELLO;
import static io.bedrockgateway.adapter.http.TestServer.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.domain.request.ApiSurface;
import io.bedrockgateway.domain.request.RequestContext;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFactsTest {

  @Test
  void aWellFormedRequestIdIsEchoedAndPassedOn() {
    try (TestServer server = new TestServer()) {
      HttpResponse<String> response =
          server.send(
              server
                  .post("/api/v1/converse", HELLO)
                  .header("X-API-Key", TestServer.KEY)
                  .header("X-Request-ID", "abc-1.2:3"));

      assertThat(response.headers().firstValue("X-Request-ID")).contains("abc-1.2:3");
      assertThat(server.converse.lastCommand().context().requestId().value())
          .isEqualTo("abc-1.2:3");
    }
  }

  @Test
  void aMalformedRequestIdIsReplaced() {
    try (TestServer server = new TestServer()) {
      HttpResponse<String> response =
          server.send(
              server
                  .post("/api/v1/converse", HELLO)
                  .header("X-API-Key", TestServer.KEY)
                  .header("X-Request-ID", "no spaces allowed"));

      String issued = response.headers().firstValue("X-Request-ID").orElseThrow();
      assertThat(issued).isNotEqualTo("no spaces allowed").matches("[0-9a-f-]{36}");
      assertThat(server.converse.lastCommand().context().requestId().value()).isEqualTo(issued);
    }
  }

  @Test
  void aNativeRequestIsMarkedNativeAndKeepsTheClientsSessionLabel() {
    try (TestServer server = new TestServer()) {
      server.send(
          server
              .post("/api/v1/bedrock/converse", HELLO)
              .header("X-API-Key", KEY)
              .header("x-claude-code-session-id", " 0f6d-session\t "));

      RequestContext context = server.converse.lastCommand().context();
      assertThat(context.surface()).isEqualTo(ApiSurface.NATIVE);
      assertThat(context.sessionId()).contains("0f6d-session");
      assertThat(context.endUser()).isEmpty();
    }
  }

  @Test
  void anOverlongSessionLabelIsCutNotRefused() {
    try (TestServer server = new TestServer()) {
      HttpResponse<String> response =
          server.send(
              server
                  .post("/api/v1/converse", HELLO)
                  .header("X-API-Key", KEY)
                  .header("x-claude-code-session-id", "s".repeat(1_000)));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(server.converse.lastCommand().context().sessionId())
          .hasValueSatisfying(label -> assertThat(label).hasSize(RequestContext.MAX_LABEL_LENGTH));
    }
  }

  @Test
  void everyResponseCarriesARequestId() {
    try (TestServer server = new TestServer()) {
      assertThat(server.send(server.request("/health")).headers().firstValue("X-Request-ID"))
          .isPresent();
      assertThat(server.send(server.request("/nowhere")).headers().firstValue("X-Request-ID"))
          .isPresent();
    }
  }

  @Test
  void forwardedForIsIgnoredFromAnUntrustedPeer() {
    try (TestServer server = new TestServer()) {
      server.send(
          server
              .post("/api/v1/converse", HELLO)
              .header("X-API-Key", KEY)
              .header("X-Forwarded-For", "203.0.113.7"));

      assertThat(server.converse.lastCommand().context().clientIp())
          .hasValueSatisfying(ip -> assertThat(ip).isNotEqualTo("203.0.113.7"));
    }
  }

  @Test
  void forwardedForIsHonouredFromATrustedProxy() {
    HttpSettings trustingLocalhost =
        TestServer.settings(List.of(), List.of("127.0.0.0/8", "::1", "10.0.0.0/8"));
    try (TestServer server = new TestServer(trustingLocalhost)) {
      server.send(
          server
              .post("/api/v1/converse", HELLO)
              .header("X-API-Key", KEY)
              .header("X-Forwarded-For", "198.51.100.9, 203.0.113.7, 10.1.2.3"));

      assertThat(server.converse.lastCommand().context().clientIp()).contains("203.0.113.7");
    }
  }
}
