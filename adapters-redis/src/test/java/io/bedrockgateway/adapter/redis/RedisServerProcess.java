package io.bedrockgateway.adapter.redis;

import io.lettuce.core.Range;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} from the PATH, on a free loopback port, without persistence. It can be
 * stopped and started again on the same port, or frozen, to play an outage.
 */
public final class RedisServerProcess implements AutoCloseable {
  private static final String BINARY = "redis-server";
  private static final Duration READY_WITHIN = Duration.ofSeconds(10);

  private final int port;
  private final List<String> options;
  private final Path directory;
  private Process process;

  private RedisServerProcess(int port, List<String> options) {
    this.port = port;
    this.options = List.copyOf(options);
    try {
      this.directory = Files.createTempDirectory("redis-" + port);
    } catch (IOException cannotCreate) {
      throw new UncheckedIOException(cannotCreate);
    }
  }

  public static boolean installed() {
    String path = System.getenv().getOrDefault("PATH", "");
    return List.of(path.split(File.pathSeparator)).stream()
        .anyMatch(directory -> Files.isExecutable(Path.of(directory, BINARY)));
  }

  public static RedisServerProcess startOnFreePort() {
    RedisServerProcess server = new RedisServerProcess(freePort(), List.of());
    server.start();
    return server;
  }

  /** A Redis Cluster of this one node, which serves every slot. */
  public static RedisServerProcess startClusterOnFreePort() {
    RedisServerProcess server =
        new RedisServerProcess(
            freePort(),
            List.of(
                "--cluster-enabled", "yes",
                "--cluster-config-file", "nodes.conf",
                "--cluster-announce-ip", "127.0.0.1"));
    server.start();
    TestRedis.query(
        server.url(),
        redis -> {
          redis.clusterAddSlotsRange(Range.create(0, 16_383));
          while (!redis.clusterInfo().contains("cluster_state:ok")) {
            pause();
          }
          return null;
        });
    return server;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public synchronized void start() {
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  BINARY,
                  "--port",
                  Integer.toString(port),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no"));
      command.addAll(options);
      process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException cannotStart) {
      throw new UncheckedIOException(cannotStart);
    }
    awaitAcceptingConnections();
  }

  /** Stops the server the way a crash or a restart would: its connections drop. */
  public synchronized void stop() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) the server: connections stay open, nothing answers. */
  public void freeze(boolean frozen) {
    try {
      new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", Long.toString(process.pid()))
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      freeze(false);
      stop();
    }
  }

  private void awaitAcceptingConnections() {
    Instant deadline = Instant.now().plus(READY_WITHIN);
    while (Instant.now().isBefore(deadline)) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        pause();
      }
    }
    throw new IllegalStateException("redis-server did not listen on port " + port + " in time");
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException none) {
      throw new UncheckedIOException(none);
    }
  }
}
