package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.HELLO;
import static io.bedrockgateway.adapter.http.TestServer.KEY;
import static io.bedrockgateway.adapter.http.TestServer.events;
import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.RateLimited;
import io.bedrockgateway.domain.error.UpstreamFailed;
import io.bedrockgateway.domain.error.UpstreamRejected;
import io.bedrockgateway.domain.quota.LimitKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConverseStreamTest {
  private static final String PATH = "/api/v1/bedrock/converse-stream";

  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> stream() {
    return server.send(server.post(PATH, HELLO).header("X-API-Key", KEY));
  }

  @Test
  void eachEventIsOneDataLineOfBedrockJson() {
    HttpResponse<String> response = stream();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-cache");
    assertThat(response.headers().firstValue("X-Accel-Buffering")).contains("no");
    assertThat(response.headers().firstValue("X-RateLimit-Remaining")).contains("99");
    assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
    assertThat(response.body())
        .isEqualTo(
            """
            data: {"messageStart":{"role":"assistant"}}

            data: {"contentBlockStart":{"start":{},"contentBlockIndex":0}}

            data: {"contentBlockDelta":{"delta":{"text":"Hel"},"contentBlockIndex":0}}

            data: {"contentBlockDelta":{"delta":{"text":"lo"},"contentBlockIndex":0}}

            data: {"contentBlockStop":{"contentBlockIndex":0}}

            data: {"messageStop":{"stopReason":"end_turn"}}

            data: {"metadata":{"usage":{"inputTokens":12,"outputTokens":40,"totalTokens":52},\
            "metrics":{"latencyMs":812}}}

            """);
  }

  @Test
  void textWithLineBreaksStaysOnOneDataLine() {
    server.converse.streams(
        observer -> {
          observer.admitted(Optional.empty());
          observer.accept(new ChatStreamEvent.TextDelta(0, "a\nb\r\n\ndata: c"));
        });

    List<JsonNode> events = events(stream().body());

    assertThat(events).hasSize(1);
    assertThat(events.getFirst().at("/contentBlockDelta/delta/text").asText())
        .isEqualTo("a\nb\r\n\ndata: c");
  }

  @Test
  void reasoningAndCachedUsageAreWrittenInBedrocksShape() {
    server.converse.streams(
        observer -> {
          observer.admitted(Optional.empty());
          observer.accept(new ChatStreamEvent.ReasoningDelta(0, "Let me think."));
          observer.accept(new ChatStreamEvent.Metadata(new TokenUsage(1, 2, 3, 4), 5));
        });

    List<JsonNode> events = events(stream().body());

    assertThat(events.get(0).at("/contentBlockDelta/delta/reasoningContent/text").asText())
        .isEqualTo("Let me think.");
    assertThat(events.get(1).at("/metadata/usage/cacheReadInputTokens").asInt()).isEqualTo(3);
    assertThat(events.get(1).at("/metadata/usage/cacheWriteInputTokens").asInt()).isEqualTo(4);
    assertThat(events.get(1).at("/metadata/usage/totalTokens").asInt()).isEqualTo(10);
  }

  @Test
  void eachEventIsFlushedAsItHappens() throws Exception {
    CountDownLatch clientSawFirstEvent = new CountDownLatch(1);
    server.converse.streams(
        observer -> {
          observer.admitted(Optional.empty());
          observer.accept(new ChatStreamEvent.MessageStart(Role.ASSISTANT));
          if (!clientSawFirstEvent.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("the first event did not reach the client on its own");
          }
          observer.accept(new ChatStreamEvent.ContentBlockStart(0));
        });

    HttpResponse<Stream<String>> response =
        server.sendForLines(server.post(PATH, HELLO).header("X-API-Key", KEY));
    Iterator<String> lines = response.body().iterator();

    assertThat(lines.next()).isEqualTo("data: {\"messageStart\":{\"role\":\"assistant\"}}");
    clientSawFirstEvent.countDown();
    assertThat(lines.next()).isEmpty();
    assertThat(lines.next()).startsWith("data: {\"contentBlockStart\"");
    assertThat(server.converse.streamOutcome().get(5, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void aFailureBeforeTheFirstEventIsARealStatus() {
    server.converse.failsWith(
        new RateLimited(
            LimitKind.REQUESTS,
            Duration.ofSeconds(7),
            Optional.of(FakeConverseUseCase.RATE_LIMIT)));

    HttpResponse<String> response = stream();

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(response.headers().firstValue("Retry-After")).contains("7");
    assertThat(response.headers().firstValue("X-RateLimit-Limit")).contains("100");
    JsonNode body = json(response.body());
    assertThat(body.get("error").asText()).isEqualTo("Rate limit exceeded");
    assertThat(body.get("request_id").asText())
        .isEqualTo(response.headers().firstValue("X-Request-ID").orElseThrow());
  }

  @Test
  void aFailureAfterAdmissionButBeforeTheFirstEventIsStillARealStatus() {
    server.converse.streams(
        observer -> {
          observer.admitted(Optional.of(FakeConverseUseCase.RATE_LIMIT));
          throw new UpstreamFailed("the model broke");
        });

    HttpResponse<String> response = stream();

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(json(response.body()).get("detail").asText()).isEqualTo("the model broke");
  }

  @Test
  void anUpstreamFailureAfterTheFirstEventIsOneStreamErrorEvent() {
    server.converse.streams(
        observer -> {
          observer.admitted(Optional.empty());
          observer.accept(new ChatStreamEvent.MessageStart(Role.ASSISTANT));
          observer.accept(new ChatStreamEvent.ContentBlockStart(0));
          throw new UpstreamFailed("the model stream broke");
        });

    HttpResponse<String> response = stream();

    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonNode> events = events(response.body());
    assertThat(events).hasSize(3);
    assertThat(events.getLast())
        .isEqualTo(json("{\"error\":\"the model stream broke\",\"type\":\"stream_error\"}"));
    assertThat(response.body()).endsWith("\"type\":\"stream_error\"}\n\n");
  }

  @Test
  void aRejectionAfterTheFirstEventIsAClientErrorEvent() {
    server.converse.streams(
        observer -> {
          observer.accept(new ChatStreamEvent.MessageStart(Role.ASSISTANT));
          throw new UpstreamRejected("input is too long");
        });

    assertThat(events(stream().body()).getLast())
        .isEqualTo(json("{\"error\":\"input is too long\",\"type\":\"client_error\"}"));
  }

  @Test
  void anUnexpectedFailureAfterTheFirstEventIsAnUnexpectedErrorEventWithoutInternals() {
    server.converse.streams(
        observer -> {
          observer.accept(new ChatStreamEvent.MessageStart(Role.ASSISTANT));
          throw new IllegalStateException("secret internals");
        });

    JsonNode error = events(stream().body()).getLast();

    assertThat(error.get("type").asText()).isEqualTo("unexpected_error");
    assertThat(error.get("error").asText()).doesNotContain("secret");
  }

  @Test
  void aClientThatLeavesMidStreamCancelsTheUseCase() throws Exception {
    server.converse.streams(
        observer -> {
          observer.accept(new ChatStreamEvent.MessageStart(Role.ASSISTANT));
          for (int i = 0; i < 400; i++) {
            Thread.sleep(10);
            observer.accept(new ChatStreamEvent.TextDelta(0, "token " + i));
          }
        });

    try (Socket socket = new Socket("localhost", server.server.port())) {
      socket.setSoTimeout(5000);
      byte[] body = HELLO.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + PATH
                  + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
                  + KEY
                  + "\r\n"
                  + "Content-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = in.readLine();
      } while (line != null && !line.startsWith("data: "));
      assertThat(line).isNotNull();
    }

    Optional<RuntimeException> outcome = server.converse.streamOutcome().get(3, TimeUnit.SECONDS);
    assertThat(outcome).containsInstanceOf(ClientCancelled.class);
  }
}
