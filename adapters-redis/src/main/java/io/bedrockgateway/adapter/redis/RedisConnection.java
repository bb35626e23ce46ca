package io.bedrockgateway.adapter.redis;

import io.bedrockgateway.application.port.out.QuotaCounterUnavailable;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.BaseRedisAsyncCommands;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection to Redis (or a Redis Cluster) of a gateway instance. Commands give up after
 * the configured timeout, and fail at once while the connection is down; Lettuce reconnects by
 * itself. If Redis cannot be reached at start, connecting is retried in the background. Connecting
 * (and its handshake) happens off the request path, so it gets the longer connect timeout.
 */
public final class RedisConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final String NOT_CONNECTED_YET = "not connected yet";
  private static final Duration FIRST_CONNECT_RETRY = Duration.ofSeconds(1);
  // Redis is back within a second of coming back, at the cost of a few connection attempts.
  private static final Delay RECONNECT_DELAY =
      Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS);

  /**
   * The commands of a standalone or cluster connection (the same object, two views), each awaited
   * by {@link Answer}; the client's {@link TimeoutOptions} bound every command.
   */
  record Commands(
      RedisScriptingAsyncCommands<String, String> scripting,
      BaseRedisAsyncCommands<String, String> base) {}

  private final RedisSettings settings;
  private final ClientResources resources;
  private final AbstractRedisClient client;
  private final ScheduledExecutorService background;
  private final AtomicReference<StatefulConnection<String, String>> connection =
      new AtomicReference<>();
  private volatile Commands commands;
  private volatile String lastFailure = NOT_CONNECTED_YET;

  private RedisConnection(RedisSettings settings) {
    this.settings = settings;
    this.resources = ClientResources.builder().reconnectDelay(RECONNECT_DELAY).build();
    this.client = settings.cluster() ? clusterClient(settings) : standaloneClient(settings);
    this.background =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("redis-background").factory());
  }

  /** Connects now if Redis answers, else keeps trying in the background. */
  public static RedisConnection open(RedisSettings settings) {
    RedisConnection redis = new RedisConnection(settings);
    redis.connect();
    return redis;
  }

  Commands commands() {
    Commands current = commands;
    if (current == null) {
      throw new QuotaCounterUnavailable("Redis at " + settings.describe() + ": " + lastFailure);
    }
    return current;
  }

  RedisSettings settings() {
    return settings;
  }

  ScheduledExecutorService background() {
    return background;
  }

  @Override
  public void close() {
    background.shutdownNow();
    StatefulConnection<String, String> open = connection.getAndSet(null);
    if (open != null) {
      open.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  private void connect() {
    try {
      if (settings.cluster()) {
        StatefulRedisClusterConnection<String, String> cluster = openCluster();
        connection.set(cluster);
        commands = new Commands(cluster.async(), cluster.async());
      } else {
        StatefulRedisConnection<String, String> single =
            ((RedisClient) client).connect(StringCodec.UTF8);
        single.setTimeout(settings.commandTimeout());
        connection.set(single);
        commands = new Commands(single.async(), single.async());
      }
      LOG.info("Connected to Redis at {}", settings.describe());
    } catch (RedisException unreachable) {
      boolean firstFailure = lastFailure.equals(NOT_CONNECTED_YET);
      lastFailure =
          Objects.toString(unreachable.getMessage(), unreachable.getClass().getSimpleName());
      if (firstFailure) {
        LOG.warn(
            "Cannot connect to Redis at {} ({}); retrying in the background",
            settings.describe(),
            lastFailure);
      }
      if (!background.isShutdown()) {
        background.schedule(this::connect, FIRST_CONNECT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private StatefulRedisClusterConnection<String, String> openCluster() {
    StatefulRedisClusterConnection<String, String> cluster =
        ((RedisClusterClient) client).connect(StringCodec.UTF8);
    cluster.setTimeout(settings.commandTimeout());
    try {
      // Node connections open lazily, and commands sent while one opens would be rejected.
      cluster
          .getPartitions()
          .forEach(node -> cluster.getConnection(node.getUri().getHost(), node.getUri().getPort()));
      return cluster;
    } catch (RedisException unreachableNode) {
      cluster.close();
      throw unreachableNode;
    }
  }

  private RedisClient standaloneClient(RedisSettings settings) {
    RedisClient standalone =
        RedisClient.create(resources, withConnectTimeout(settings.redisUris()).getFirst());
    standalone.setOptions(clientOptions(settings));
    return standalone;
  }

  private RedisClusterClient clusterClient(RedisSettings settings) {
    RedisClusterClient cluster =
        RedisClusterClient.create(resources, withConnectTimeout(settings.redisUris()));
    cluster.setOptions(
        ClusterClientOptions.builder(clientOptions(settings))
            .topologyRefreshOptions(
                ClusterTopologyRefreshOptions.builder().enableAllAdaptiveRefreshTriggers().build())
            .build());
    return cluster;
  }

  /** A URI's timeout bounds the connection handshake; commands have their own. */
  private static List<RedisURI> withConnectTimeout(List<RedisURI> uris) {
    uris.forEach(uri -> uri.setTimeout(CONNECT_TIMEOUT));
    return uris;
  }

  private static ClientOptions clientOptions(RedisSettings settings) {
    return ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
        .socketOptions(
            SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
        .build();
  }
}
