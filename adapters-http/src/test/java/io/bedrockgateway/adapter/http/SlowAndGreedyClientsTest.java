package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.HELLO;
import static io.bedrockgateway.adapter.http.TestServer.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.adapter.http.common.GatewayJson;
import io.bedrockgateway.adapter.http.common.HttpLimits;
import io.bedrockgateway.adapter.http.common.HttpRefusal;
import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.Role;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bodies bounded in total, and a time limit on every phase a client could drag out. */
class SlowAndGreedyClientsTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  record Body(List<Object> messages) {}

  @Test
  void bodiesPastTheInFlightBudgetAreRefusedWith503AndRetryAfterUntilBytesAreFreed()
      throws Exception {
    JsonBodyReader reader =
        new JsonBodyReader(
            GatewayJson.newMapper(), new HttpLimits(4096, 8192, 10), HttpTimeouts.DEFAULTS);
    byte[] body = (String.format("%-4096s", "{\"messages\":[]}")).getBytes(StandardCharsets.UTF_8);
    PipedOutputStream first = new PipedOutputStream();
    PipedOutputStream second = new PipedOutputStream();
    CompletableFuture<Body> one = readAsync(reader, new PipedInputStream(first, 8192), body.length);
    CompletableFuture<Body> two =
        readAsync(reader, new PipedInputStream(second, 8192), body.length);
    awaitInFlight(reader, 2L * body.length);

    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(body), body.length, Body.class))
        .isInstanceOfSatisfying(
            HttpRefusal.class,
            refused -> {
              assertThat(refused.reply().status()).isEqualTo(503);
              assertThat(refused.reply().retryAfterSeconds()).contains(1L);
            });

    first.write(body);
    first.close();
    second.write(body);
    second.close();
    assertThat(one.get(30, TimeUnit.SECONDS).messages()).isEmpty();
    assertThat(two.get(30, TimeUnit.SECONDS).messages()).isEmpty();
    assertThat(reader.bytesInFlight()).isZero();
    assertThat(reader.read(new ByteArrayInputStream(body), body.length, Body.class).messages())
        .isEmpty();
  }

  @Test
  void aBodyThatTricklesInPastTheBodyTimeoutIs408() {
    JsonBodyReader reader =
        new JsonBodyReader(
            GatewayJson.newMapper(),
            HttpLimits.DEFAULTS,
            new HttpTimeouts(MINUTE, SECOND, MINUTE, MINUTE));
    InputStream trickle =
        new InputStream() {
          @Override
          public int read() throws IOException {
            try {
              Thread.sleep(50);
            } catch (InterruptedException e) {
              throw new IOException(e);
            }
            return ' ';
          }

          @Override
          public int read(byte[] bytes, int offset, int length) throws IOException {
            bytes[offset] = (byte) read();
            return 1;
          }
        };

    // 100,000 bytes at one per 50 ms would take over an hour
    assertThatThrownBy(() -> reader.read(trickle, 100_000, Body.class))
        .isInstanceOfSatisfying(
            HttpRefusal.class, refused -> assertThat(refused.reply().status()).isEqualTo(408));
    assertThat(reader.bytesInFlight()).isZero();
  }

  @Test
  void headersThatTrickleInPastTheHeaderTimeoutLoseTheConnection() throws IOException {
    try (TestServer server =
            new TestServer(
                TestServer.settings(List.of(), List.of())
                    .withTimeouts(new HttpTimeouts(SECOND, MINUTE, MINUTE, MINUTE)));
        Socket socket = new Socket("localhost", server.server.port())) {
      socket.setSoTimeout(200);
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /health/live HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
      boolean closed = false;
      // one header line every 200 ms, never the blank line: a minute's worth at most
      for (int line = 0; line < 300 && !closed; line++) {
        try {
          out.write(("X-Pad-" + line + ": x\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          closed = socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
          // the server is still waiting for the headers
        } catch (IOException reset) {
          closed = true;
        }
      }
      assertThat(closed).as("the server closed the connection before the headers ended").isTrue();
    }
  }

  @Test
  void aStreamLongerThanItsLimitEndsWithAnErrorEvent() {
    try (TestServer server =
        new TestServer(
            TestServer.settings(List.of(), List.of())
                .withTimeouts(new HttpTimeouts(MINUTE, MINUTE, MINUTE, SECOND)))) {
      server.converse.streams(
          observer -> {
            observer.admitted(Optional.empty());
            observer.accept(new ChatStreamEvent.MessageStart(Role.ASSISTANT));
            Thread.sleep(1_500);
            observer.accept(new ChatStreamEvent.ContentBlockStart(0));
          });

      String body =
          server
              .send(server.post("/api/v1/converse-stream", HELLO).header("X-API-Key", KEY))
              .body();

      var events = TestServer.events(body);
      assertThat(events).hasSize(2);
      assertThat(events.getFirst().has("messageStart")).isTrue();
      assertThat(events.getLast().path("type").asText()).isEqualTo("stream_error");
      assertThat(events.getLast().path("error").asText()).contains("MAX_STREAM_SECONDS");
    }
  }

  @Test
  void connectionsPastTheCapWaitUntilOneCloses() throws IOException {
    try (TestServer server =
        new TestServer(
            TestServer.settings(List.of(), List.of()).withLimits(new HttpLimits(4096, 4096, 2)))) {
      Socket first = keptAlive(server);
      Socket second = keptAlive(server);
      try (Socket third = new Socket("localhost", server.server.port())) {
        third.getOutputStream().write(liveness());
        third.setSoTimeout(1_000);
        assertThatThrownBy(() -> third.getInputStream().read())
            .as("not served while two connections are open")
            .isInstanceOf(SocketTimeoutException.class);

        first.close();
        third.setSoTimeout(30_000); // a hang guard only
        assertThat(statusLine(third)).startsWith("HTTP/1.1 200");
      } finally {
        second.close();
      }
    }
  }

  private static Socket keptAlive(TestServer server) throws IOException {
    Socket socket = new Socket("localhost", server.server.port());
    socket.setSoTimeout(30_000);
    socket.getOutputStream().write(liveness());
    assertThat(statusLine(socket)).startsWith("HTTP/1.1 200");
    return socket;
  }

  private static byte[] liveness() {
    return "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n"
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String statusLine(Socket socket) throws IOException {
    return new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
        .readLine();
  }

  private static CompletableFuture<Body> readAsync(
      JsonBodyReader reader, InputStream body, long length) {
    return CompletableFuture.supplyAsync(
        () -> reader.read(body, length, Body.class), command -> Thread.ofVirtual().start(command));
  }

  private static void awaitInFlight(JsonBodyReader reader, long bytes) throws InterruptedException {
    for (int i = 0; i < 3_000 && reader.bytesInFlight() < bytes; i++) {
      Thread.sleep(10); // a hang guard of 30 s, not a measurement
    }
    assertThat(reader.bytesInFlight()).isEqualTo(bytes);
  }
}
