package io.bedrockgateway.adapter.http;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The embedded Jetty: virtual threads, our idle timeout, graceful stop. */
final class JettySetup {
  /** How long {@code stop()} lets running requests, streams included, finish. */
  private static final Duration DRAIN_PERIOD = Duration.ofSeconds(30);

  private JettySetup() {}

  static void apply(JavalinConfig config, HttpSettings settings) {
    // Jetty keeps its selectors on platform threads and runs every blocking request handler on a
    // fresh virtual thread: a stream that blocks for minutes costs a few KB, not a pool thread.
    QueuedThreadPool threadPool = new QueuedThreadPool();
    threadPool.setName("http");
    threadPool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("http-"));
    config.jetty.threadPool = threadPool;
    config.concurrency.useVirtualThreads = true;

    config.jetty.addConnector(
        (server, httpConfiguration) -> {
          ServerConnector connector =
              new ServerConnector(server, new HttpConnectionFactory(httpConfiguration));
          connector.setPort(settings.port());
          connector.setIdleTimeout(settings.idleTimeout().toMillis());
          return connector;
        });
    config.jetty.modifyServer(
        server -> {
          // stop() then refuses new work and waits for running requests, up to the drain period
          server.insertHandler(new GracefulHandler());
          server.setStopTimeout(DRAIN_PERIOD.toMillis());
        });
  }
}
