package io.bedrockgateway.adapter.mongo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a loopback port in front of a MongoDB server, to cut it off and bring it back on
 * the same port: an outage as the driver sees it (connections reset, then refused), while the data
 * behind it survives. It can also {@linkplain #pause() pause}: a MongoDB that hangs, taking
 * connections and requests but answering nothing, until {@linkplain #unpause() unpaused}.
 */
public final class OutageProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Object gate = new Object();
  private volatile ServerSocket listener;
  private boolean paused;

  private OutageProxy(InetSocketAddress target, int port) {
    this.target = target;
    this.port = port;
  }

  public static OutageProxy to(InetSocketAddress target) {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    OutageProxy proxy = new OutageProxy(target, port);
    proxy.resume();
    return proxy;
  }

  public int port() {
    return port;
  }

  /** Refuses new connections and resets the open ones. */
  public synchronized void cut() {
    closeQuietly(listener);
    listener = null;
    sockets.forEach(OutageProxy::closeQuietly);
    sockets.clear();
  }

  /** Accepts connections again, on the same port. */
  public synchronized void resume() {
    if (listener != null) {
      return;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      listener = socket;
      Thread.ofVirtual().start(() -> accept(socket));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops forwarding bytes, either way, without closing anything: connections stay open (new ones
   * are accepted too), what is sent is held, and no answer comes.
   */
  public void pause() {
    synchronized (gate) {
      paused = true;
    }
  }

  /** Forwards again, what was held first. */
  public void unpause() {
    synchronized (gate) {
      paused = false;
      gate.notifyAll();
    }
  }

  @Override
  public void close() {
    unpause();
    cut();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Socket server = new Socket(target.getHostString(), target.getPort());
        sockets.add(client);
        sockets.add(server);
        Thread.ofVirtual().start(() -> relay(client, server));
        Thread.ofVirtual().start(() -> relay(server, client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void relay(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        awaitForwarding();
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException reset) {
      // the other side, or cut(), closed the connection
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private void awaitForwarding() throws InterruptedException {
    synchronized (gate) {
      while (paused) {
        gate.wait();
      }
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing is all that is wanted
    }
  }
}
