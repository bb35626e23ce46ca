package io.bedrockgateway.adapter.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.application.port.out.RemoteImageSource;
import io.bedrockgateway.application.port.out.RemoteImageSourceContract;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.media.MediaUrl;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JDK HTTP client against a real HTTP server: the contract, and what only a network does. */
class HttpImageSourceTest extends RemoteImageSourceContract {
  private static final Duration SHORT = Duration.ofMillis(500);

  private final ImageServer server = new ImageServer();
  private HttpImageSource source =
      new HttpImageSource(new MediaSettings(Duration.ofSeconds(30), LIMIT));

  @AfterEach
  void stop() {
    source.close();
    server.close();
  }

  @Override
  protected Images images() {
    return new Images() {
      @Override
      public MediaUrl serve(String name, String contentType, byte[] body) {
        return server.serve(name, contentType, body);
      }

      @Override
      public MediaUrl missing(String name) {
        return server.url(name);
      }

      @Override
      public RemoteImageSource source() {
        return source;
      }
    };
  }

  @Test
  void refusesARedirectWithoutFollowingIt() {
    MediaUrl target = server.serve("target.png", "image/png", PNG);
    MediaUrl moved =
        server.handle(
            "moved.png",
            exchange -> {
              exchange.getResponseHeaders().set("Location", target.toString());
              exchange.sendResponseHeaders(302, -1);
              exchange.close();
            });

    assertThatThrownBy(() -> source.fetch(List.of(moved)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining(moved.toString())
        .hasMessageContaining("redirect (302)");
    assertThat(server.requested()).containsExactly("/moved.png");
  }

  @Test
  void stopsReadingAnEndlessBodyAtTheLimit() {
    AtomicLong written = new AtomicLong();
    MediaUrl endless =
        server.handle(
            "endless.png",
            exchange -> {
              exchange.getResponseHeaders().set("Content-Type", "image/png");
              exchange.sendResponseHeaders(200, 0); // chunked: no declared length
              try (OutputStream body = exchange.getResponseBody()) {
                body.write(PNG);
                byte[] chunk = new byte[512];
                while (written.addAndGet(chunk.length) < 1L << 30) {
                  body.write(chunk);
                  body.flush();
                }
              } catch (IOException clientLeft) {
                // the gateway stopped reading
              }
            });

    assertThatThrownBy(() -> source.fetch(List.of(endless)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("larger than the " + LIMIT + " bytes");
  }

  @Test
  void refusesADeclaredLengthPastTheLimitBeforeReadingIt() {
    MediaUrl large = server.serve("large.png", "image/png", new byte[(int) LIMIT * 4]);

    assertThatThrownBy(() -> source.fetch(List.of(large)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("larger than the " + LIMIT + " bytes");
  }

  @Test
  void refusesAnImageThatDoesNotArriveInTime() {
    source.close();
    source = new HttpImageSource(new MediaSettings(SHORT, LIMIT));
    MediaUrl quick = server.serve("quick.png", "image/png", PNG);
    MediaUrl slow = server.handle("slow.png", server::stall);

    assertThatThrownBy(() -> source.fetch(List.of(quick, slow)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining(slow.toString())
        .hasMessageContaining("did not arrive within 500 ms");
  }

  @Test
  void refusesABodyThatStopsHalfWayInTime() {
    source.close();
    source = new HttpImageSource(new MediaSettings(SHORT, LIMIT));
    MediaUrl dripping =
        server.handle(
            "dripping.png",
            exchange -> {
              exchange.getResponseHeaders().set("Content-Type", "image/png");
              exchange.sendResponseHeaders(200, LIMIT);
              exchange.getResponseBody().write(PNG);
              exchange.getResponseBody().flush();
              server.stall(exchange);
            });

    assertThatThrownBy(() -> source.fetch(List.of(dripping)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining(dripping.toString())
        .hasMessageContaining("did not arrive within");
  }

  @Test
  void refusesAHostThatCannotBeReached() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    MediaUrl unreachable = MediaUrl.parse("http://127.0.0.1:" + closedPort + "/cat.png");

    assertThatThrownBy(() -> source.fetch(List.of(unreachable)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining(unreachable.toString())
        .hasMessageContaining("could not be reached");
  }

  @Test
  void refusesAnEmptyAnswer() {
    MediaUrl empty = server.serve("empty.png", "image/png", new byte[0]);

    assertThatThrownBy(() -> source.fetch(List.of(empty)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("empty");
  }

  @Test
  void asksForTheImageTypesBedrockReads() {
    java.util.concurrent.atomic.AtomicReference<String> accept =
        new java.util.concurrent.atomic.AtomicReference<>();
    MediaUrl url =
        server.handle(
            "accept.png",
            exchange -> {
              accept.set(exchange.getRequestHeaders().getFirst("Accept"));
              exchange.getResponseHeaders().set("Content-Type", "image/png");
              exchange.sendResponseHeaders(200, PNG.length);
              exchange.getResponseBody().write(PNG);
              exchange.close();
            });

    source.fetch(List.of(url));

    assertThat(accept.get()).contains("image/png", "image/jpeg", "image/gif", "image/webp");
  }
}
