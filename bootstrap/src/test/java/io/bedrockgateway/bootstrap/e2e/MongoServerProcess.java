package io.bedrockgateway.bootstrap.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MongoDB-protocol server in a process of its own, so that a test can stop it the way an
 * operating system stops a real mongod — {@code SIGSTOP}: its sockets stay open, nothing is
 * answered — and let it go on with {@code SIGCONT}. Linux and macOS only ({@code kill}).
 */
final class MongoServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private MongoServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The child's entry point: serves on a free loopback port, prints it, runs until killed. */
  public static void main(String[] args) throws InterruptedException {
    MongoServer server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    System.out.println(address.getPort());
    System.out.flush();
    Thread.currentThread().join();
  }

  static MongoServerProcess start() {
    String java = ProcessHandle.current().info().command().orElse("java");
    try {
      Process process =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx256m",
                      "-cp",
                      System.getProperty("java.class.path"),
                      MongoServerProcess.class.getName()))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null) {
        process.destroyForcibly();
        throw new IllegalStateException("the MongoDB server process ended before it listened");
      }
      return new MongoServerProcess(process, Integer.parseInt(line.strip()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String uri(String database) {
    return "mongodb://127.0.0.1:" + port + "/" + database;
  }

  /** {@code SIGSTOP}: the process freezes with its connections open. */
  void stop() {
    signal("-STOP");
  }

  /** {@code SIGCONT}: the frozen process goes on where it was. */
  void resume() {
    signal("-CONT");
  }

  private void signal(String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", signal, Long.toString(process.pid()))
              .redirectErrorStream(true)
              .start();
      if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill " + signal + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    resume();
    process.destroyForcibly();
  }
}
