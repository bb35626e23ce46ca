package io.bedrockgateway.adapter.redis;

import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.QuotaCounterContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The quota contract against a Redis Cluster (of one node), through Lettuce's cluster client. */
class RedisClusterQuotaCounterTest extends QuotaCounterContract {
  private static RedisServerProcess cluster;
  private static RedisConnection connection;

  @BeforeAll
  static void connect() {
    cluster = TestRedis.ownCluster();
    connection =
        RedisConnection.open(RedisSettings.of(cluster.url(), true, Duration.ofMillis(500)));
  }

  @AfterAll
  static void disconnect() {
    if (connection != null) {
      connection.close();
      cluster.close();
    }
  }

  @Override
  protected QuotaCounter counter() {
    return new RedisQuotaCounter(connection);
  }
}
