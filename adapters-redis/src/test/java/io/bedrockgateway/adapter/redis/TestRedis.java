package io.bedrockgateway.adapter.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bedrockgateway.domain.key.KeyId;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.function.Function;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Redis the tests of this JVM share: {@code REDIS_URL} if it is set, else a container when
 * Docker is there, else a {@code redis-server} from the PATH on a free port. Without any of them
 * the tests that need Redis are skipped. What the tests started stops when the JVM exits.
 */
public final class TestRedis {
  private static boolean lookedForOne;
  private static String url;

  private TestRedis() {}

  /** The URL of the shared Redis; skips the calling test class when there is none. */
  public static synchronized String url() {
    if (!lookedForOne) {
      lookedForOne = true;
      url = find();
    }
    assumeTrue(
        url != null, "no Redis for the tests: set REDIS_URL, start Docker or install redis-server");
    return url;
  }

  private static String find() {
    String url = System.getenv("REDIS_URL");
    if (url == null && dockerAvailable()) {
      GenericContainer<?> container =
          new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
      container.start();
      stopAtExit(container::stop);
      url = "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
    }
    if (url == null && RedisServerProcess.installed()) {
      RedisServerProcess server = RedisServerProcess.startOnFreePort();
      stopAtExit(server::close);
      url = server.url();
    }
    return url;
  }

  /** A server of the test's own, to stop, restart or freeze; skips when there is no binary. */
  public static RedisServerProcess ownServer() {
    assumeTrue(RedisServerProcess.installed(), "needs redis-server on the PATH");
    return RedisServerProcess.startOnFreePort();
  }

  /** A one-node Redis Cluster of the test's own; skips when there is no binary. */
  public static RedisServerProcess ownCluster() {
    assumeTrue(RedisServerProcess.installed(), "needs redis-server on the PATH");
    return RedisServerProcess.startClusterOnFreePort();
  }

  /** Runs {@code query} on a connection of its own to the Redis at {@code url}. */
  public static <T> T query(String url, Function<RedisCommands<String, String>, T> query) {
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return query.apply(connection.sync());
    } finally {
      client.shutdown();
    }
  }

  /** The prefix of the Redis keys of a key's counters. */
  public static String keysOf(KeyId keyId) {
    return "{bgw:" + keyId.value() + "}:";
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException noDocker) {
      return false;
    }
  }

  private static void stopAtExit(Runnable stop) {
    Runtime.getRuntime().addShutdownHook(new Thread(stop));
  }
}
