package io.bedrockgateway.adapter.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.bedrockgateway.domain.media.MediaUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/** A real HTTP server on the loopback interface that serves what each test tells it to. */
final class ImageServer implements AutoCloseable {
  private final HttpServer server;
  private final CountDownLatch released = new CountDownLatch(1);
  private final List<String> requested = new CopyOnWriteArrayList<>();

  ImageServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  MediaUrl url(String name) {
    return MediaUrl.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
  }

  /** Serves {@code body} as {@code contentType}, its length declared. */
  MediaUrl serve(String name, String contentType, byte[] body) {
    return handle(
        name,
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", contentType);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
  }

  MediaUrl handle(String name, HttpHandler handler) {
    server.createContext(
        "/" + name,
        exchange -> {
          requested.add(exchange.getRequestURI().getPath());
          handler.handle(exchange);
        });
    return url(name);
  }

  /** Holds an answer until the test ends: a host that does not answer in time. */
  void stall(HttpExchange exchange) {
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.close();
  }

  List<String> requested() {
    return List.copyOf(requested);
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
