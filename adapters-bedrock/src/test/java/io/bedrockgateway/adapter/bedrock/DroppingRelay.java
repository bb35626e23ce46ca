package io.bedrockgateway.adapter.bedrock;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay to a real server that closes its first {@code dropped} connections as soon as the
 * request's first bytes arrive, with no answer: what a client sees when the server closed a pooled
 * connection just as the client sent on it. Later connections are relayed byte for byte.
 */
final class DroppingRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final URI target;
  private final int dropped;
  private final AtomicInteger accepted = new AtomicInteger();

  DroppingRelay(URI target, int dropped) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    this.dropped = dropped;
    Thread.ofVirtual().name("dropping-relay").start(this::accept);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** How many connections were dropped. */
  int droppedSoFar() {
    return Math.min(accepted.get(), dropped);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (accepted.getAndIncrement() < dropped) {
          Thread.ofVirtual().start(() -> drop(client));
        } else {
          Socket server = new Socket(target.getHost(), target.getPort());
          Thread.ofVirtual().start(() -> pipe(client, server));
          Thread.ofVirtual().start(() -> pipe(server, client));
        }
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void drop(Socket client) {
    try (client) {
      client.getInputStream().read(new byte[1]);
    } catch (IOException ignored) {
      // closing is the point
    }
  }

  private static void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException ignored) {
      // either side closed
    } finally {
      try {
        to.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
