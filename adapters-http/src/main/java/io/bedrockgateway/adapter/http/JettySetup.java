package io.bedrockgateway.adapter.http;

import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import io.javalin.config.JavalinConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The embedded Jetty of one listener: virtual threads, its address, a cap on connections, the
 * header and idle timeouts, graceful stop.
 */
final class JettySetup {
  /** How long {@code stop()} lets running requests, streams included, finish. */
  private static final Duration DRAIN_PERIOD = Duration.ofSeconds(30);

  private static final int ACCEPT_QUEUE = 4_096;

  private JettySetup() {}

  static void apply(JavalinConfig config, HttpSettings.Listener listener, HttpSettings settings) {
    // Jetty keeps its selectors on platform threads and runs every blocking request handler on a
    // fresh virtual thread: a stream that blocks for minutes costs a few KB, not a pool thread.
    QueuedThreadPool threadPool = new QueuedThreadPool();
    threadPool.setName("http");
    threadPool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("http-"));
    config.jetty.threadPool = threadPool;
    config.concurrency.useVirtualThreads = true;

    HttpTimeouts timeouts = settings.timeouts();
    config.jetty.addConnector(
        (server, httpConfiguration) -> {
          ServerConnector connector =
              new ServerConnector(server, new HttpConnectionFactory(httpConfiguration));
          connector.setHost(listener.host());
          connector.setPort(listener.port());
          connector.setIdleTimeout(timeouts.idle().toMillis());
          // connections past MAX_CONNECTIONS, and bursts, wait here rather than being refused
          connector.setAcceptQueueSize(ACCEPT_QUEUE);
          connector.addEventListener(
              new HeaderDeadline(connector.getScheduler(), timeouts.header()));
          server.addBean(new ConnectionLimit(settings.limits().maxConnections(), connector));
          return connector;
        });
    config.jetty.modifyServer(
        server -> {
          // stop() then refuses new work and waits for running requests, up to the drain period
          server.insertHandler(new GracefulHandler());
          server.setStopTimeout(DRAIN_PERIOD.toMillis());
        });
  }

  /**
   * Closes a new connection whose first request has not arrived whole within the header timeout,
   * however slowly it trickles in: the idle timeout alone is reset by every byte.
   */
  private record HeaderDeadline(Scheduler scheduler, Duration timeout)
      implements Connection.Listener {
    @Override
    public void onOpened(Connection connection) {
      scheduler.schedule(
          () -> {
            if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen()) {
              connection.getEndPoint().close();
            }
          },
          timeout.toMillis(),
          TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosed(Connection connection) {}
  }
}
