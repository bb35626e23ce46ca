package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.adapter.http.common.HttpLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing of a request's body is read, held or parsed before its key is accepted. */
class KeyFirstTest {
  private static final int EIGHT_MB = 8 * 1024 * 1024;

  private final TestServer server =
      new TestServer(
          TestServer.settings(java.util.List.of(), java.util.List.of())
              .withLimits(HttpLimits.DEFAULTS));

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/converse",
        "/api/v1/converse-stream",
        "/api/v1/bedrock/embeddings/text",
        "/api/v1/embeddings/text/batch",
        "/api/v1/embeddings/image",
        "/api/v1/images/generate"
      })
  void aLargeBodyWithoutAKeyIsRefusedBeforeItIsSent(String path) throws IOException {
    try (Socket socket = new Socket("localhost", server.server.port())) {
      socket.setSoTimeout(30_000); // a hang guard only
      OutputStream out = socket.getOutputStream();
      out.write(headers(path, "X-API-Key: wrong-key-0123456789\r\n", EIGHT_MB));
      out.write(new byte[64 * 1024]);
      out.flush();

      // the answer comes although 8 MB minus 64 KB of the body were never sent
      List<String> response = readResponse(socket);
      assertThat(response.getFirst()).startsWith("HTTP/1.1 401");
      assertThat(response)
          .anySatisfy(line -> assertThat(line).isEqualToIgnoringCase("Connection: close"));
      assertThat(String.join("\n", response)).contains("Invalid API key");
    }
    assertThat(server.converse.called()).isFalse();
    assertThat(server.rejections).isEmpty();
  }

  @Test
  void sixtyFourConcurrentEightMegabyteBodiesWithoutAKeyLeaveTheHeapFlat() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    List<Future<String>> statuses = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      statuses.add(clients.submit(this::sendEightMegabytesWithoutAKey));
    }
    for (Future<String> status : statuses) {
      assertThat(status.get(60, TimeUnit.SECONDS)).startsWith("HTTP/1.1 401");
    }
    clients.close();
    System.gc();
    long grown = memory.getHeapMemoryUsage().getUsed() - before;

    // 64 bodies of 8 MB would be 512 MB; nothing of them is kept
    assertThat(grown).isLessThan(64L * 1024 * 1024);
    assertThat(server.converse.called()).isFalse();
  }

  /** Sends the whole body as a careless client would, while reading the early answer. */
  private String sendEightMegabytesWithoutAKey() throws IOException {
    try (Socket socket = new Socket("localhost", server.server.port())) {
      socket.setSoTimeout(30_000);
      Thread writer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      OutputStream out = socket.getOutputStream();
                      out.write(headers("/api/v1/converse", "", EIGHT_MB));
                      byte[] chunk = new byte[64 * 1024];
                      for (int sent = 0; sent < EIGHT_MB; sent += chunk.length) {
                        out.write(chunk);
                      }
                    } catch (IOException closedByTheServer) {
                      // expected: the server answered and closed the connection
                    }
                  });
      String status = readResponse(socket).getFirst();
      socket.close();
      try {
        writer.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return status;
    }
  }

  @Test
  void withAValidKeyTheBodyIsReadAsBefore() {
    assertThat(server.converse(HELLO).statusCode()).isEqualTo(200);
    assertThat(server.keyCheck.presented).hasSize(1);
  }

  private static byte[] headers(String path, String extra, long length) {
    return ("POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + extra
            + "Content-Length: "
            + length
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** The status line and headers of the response. */
  static List<String> readResponse(Socket socket) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lines.add(line);
      if (line.startsWith("{")) {
        break;
      }
    }
    return lines;
  }
}
