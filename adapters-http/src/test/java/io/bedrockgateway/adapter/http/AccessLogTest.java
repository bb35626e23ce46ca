package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.HELLO;
import static io.bedrockgateway.adapter.http.TestServer.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class AccessLogTest {
  private final TestServer server = new TestServer();
  private final Logger access = (Logger) LoggerFactory.getLogger("io.bedrockgateway.access");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void listen() {
    lines.start();
    access.addAppender(lines);
  }

  @AfterEach
  void stop() {
    access.detachAppender(lines);
    server.close();
  }

  @Test
  void logsOneLinePerRequestWithTheKeyIdNeverTheKey() {
    HttpResponse<String> response = server.converse(HELLO);

    assertThat(lines.list).singleElement();
    ILoggingEvent line = lines.list.getFirst();
    Map<String, String> fields =
        line.getKeyValuePairs().stream()
            .collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value)));
    String requestId = response.headers().firstValue("X-Request-ID").orElseThrow();
    assertThat(fields)
        .containsEntry("request_id", requestId)
        .containsEntry("key_id", FakeAuthenticateUseCase.CALLER.keyId().value())
        .containsEntry("route", "/api/v1/converse")
        .containsEntry("model", FakeConverseUseCase.MODEL.value())
        .containsEntry("status", "200")
        .containsEntry("input_tokens", "12")
        .containsEntry("output_tokens", "40")
        .containsKey("latency_ms");
    assertThat(line.getMDCPropertyMap()).containsEntry("request_id", requestId);
    assertThat(line.getFormattedMessage() + fields).doesNotContain(KEY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bgw_testkey1_forged0000000000", // a forged key naming a real key's id
        "a-configured-key-0123",
        TestServer.ADMIN_TOKEN
      })
  void aKeyThatDidNotAuthenticateIsLoggedWithoutAnyId(String presented) {
    HttpResponse<String> response =
        server.send(server.post("/api/v1/converse", HELLO).header("X-API-Key", presented));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(lines.list.getFirst().getKeyValuePairs())
        .anySatisfy(
            pair -> {
              assertThat(pair.key).isEqualTo("key_id");
              assertThat(pair.value).isEqualTo("-");
            });
  }

  @Test
  void anUnknownPathIsLoggedWithoutKeyOrModel() {
    server.send(server.request("/no/such/path"));

    assertThat(lines.list)
        .singleElement()
        .satisfies(line -> assertThat(line.getFormattedMessage()).contains("GET unmatched 404"));
  }
}
