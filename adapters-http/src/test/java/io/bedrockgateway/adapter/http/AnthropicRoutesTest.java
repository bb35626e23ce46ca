package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.anthropic.AnthropicSettings;
import io.bedrockgateway.application.port.in.InvokeCommand;
import io.bedrockgateway.domain.error.RateLimited;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.request.ApiSurface;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anthropic's Messages API over real HTTP with a fake invoke use case: the body Bedrock gets, the
 * answer and the stream in Anthropic's shapes, pings while the model is silent, errors in
 * Anthropic's shape.
 */
class AnthropicRoutesTest {
  private static final String HELLO =
      "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":200,\"stream\":%s,"
          + "\"service_tier\":\"auto\","
          + "\"system\":[{\"type\":\"text\",\"text\":\"Be brief\","
          + "\"cache_control\":{\"type\":\"ephemeral\"}}],"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

  private TestServer server;

  @BeforeEach
  void start() {
    AnthropicSettings fastPings =
        new AnthropicSettings(
            AnthropicSettings.DEFAULTS.bodyFields(),
            AnthropicSettings.DEFAULTS.betas(),
            Duration.ofMillis(20));
    server = new TestServer(TestServer.settings(List.of(), List.of()), fastPings);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String body, String... headers) {
    var request = server.post("/v1/messages", body).header("x-api-key", TestServer.KEY);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return server.send(request);
  }

  @Test
  void bedrockGetsItsBodyAndTheClientClaudesAnswer() {
    HttpResponse<String> response =
        post(
            HELLO.formatted(false),
            "anthropic-beta",
            "made-up-2099-01-01, context-1m-2025-08-07",
            "anthropic-version",
            "2023-06-01");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(FakeInvokeUseCase.MESSAGE);
    InvokeCommand command = server.invoke.lastCommand();
    assertThat(command.model().value()).isEqualTo("claude-sonnet-4-5");
    assertThat(command.maxTokens()).hasValue(200);
    assertThat(command.context().surface()).isEqualTo(ApiSurface.ANTHROPIC);
    JsonNode body = json(new String(command.body().bytes(), StandardCharsets.UTF_8));
    List<String> members = new ArrayList<>();
    body.fieldNames().forEachRemaining(members::add);
    assertThat(members)
        .containsExactly("anthropic_version", "max_tokens", "system", "messages", "anthropic_beta");
    assertThat(body.path("anthropic_version").asText()).isEqualTo("bedrock-2023-05-31");
    assertThat(body.path("anthropic_beta").toString()).isEqualTo("[\"context-1m-2025-08-07\"]");
    assertThat(body.path("system").path(0).path("cache_control").path("type").asText())
        .isEqualTo("ephemeral");
  }

  @Test
  void theStreamIsAnthropicsEventsWithPingsWhileTheModelIsSilent() throws Exception {
    CountDownLatch pinged = new CountDownLatch(1);
    server.invoke.streams(
        observer -> {
          observer.admitted(Optional.empty());
          if (!pinged.await(30, TimeUnit.SECONDS)) { // a hang guard only
            throw new IllegalStateException("no ping came");
          }
          FakeInvokeUseCase.chunks(observer);
        });

    HttpResponse<Stream<String>> response =
        server.sendForLines(
            server
                .post("/v1/messages", HELLO.formatted(true))
                .header("Authorization", "Bearer " + TestServer.KEY));
    List<String> events = new ArrayList<>();
    response
        .body()
        .forEach(
            line -> {
              if (line.startsWith("event: ")) {
                events.add(line.substring("event: ".length()));
                if (line.equals("event: ping")) {
                  pinged.countDown();
                }
              }
            });

    assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
    assertThat(events.getFirst()).isEqualTo("ping");
    assertThat(events.stream().filter(event -> !event.equals("ping")))
        .containsExactly(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop");
  }

  @Test
  void aRefusalIsAnthropicsErrorShapeWithAnIntegerRetryAfter() {
    server.invoke.failsWith(
        new RateLimited(LimitKind.REQUESTS, Duration.ofMillis(2500), Optional.empty()));

    HttpResponse<String> response = post(HELLO.formatted(false));

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("retry-after")).contains("3");
    JsonNode body = json(response.body());
    assertThat(body.path("type").asText()).isEqualTo("error");
    assertThat(body.path("error").path("type").asText()).isEqualTo("rate_limit_error");
    assertThat(body.path("error").path("message").asText()).isNotBlank();
  }

  @Test
  void aBadRequestOrKeyIsAnthropicsErrorShape() {
    HttpResponse<String> noMaxTokens = post("{\"model\":\"claude-sonnet-4-5\",\"messages\":[]}");
    HttpResponse<String> noKey = server.send(server.post("/v1/messages", HELLO.formatted(false)));

    assertThat(noMaxTokens.statusCode()).isEqualTo(400);
    assertThat(json(noMaxTokens.body()).path("error").path("type").asText())
        .isEqualTo("invalid_request_error");
    assertThat(json(noMaxTokens.body()).path("error").path("message").asText())
        .isEqualTo("max_tokens: is required");
    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(json(noKey.body()).path("error").path("type").asText())
        .isEqualTo("authentication_error");
    assertThat(server.invoke.called()).isFalse();
  }

  @Test
  void countTokensAnswersInAnthropicsShape() {
    HttpResponse<String> response =
        server.send(
            server
                .post(
                    "/v1/messages/count_tokens",
                    "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"Hi\"}]}")
                .header("x-api-key", TestServer.KEY));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response.body()).path("input_tokens").asInt()).isEqualTo(21);
  }
}
