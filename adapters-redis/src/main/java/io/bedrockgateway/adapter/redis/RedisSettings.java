package io.bedrockgateway.adapter.redis;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the shared counters live and how long the gateway may wait for them.
 *
 * @param urls one {@code redis://} or {@code rediss://} URL (password and database index in it as
 *     usual), or with {@code cluster} the URLs of one or more nodes of a Redis Cluster
 * @param commandTimeout the longest any request waits on Redis
 * @param streamLease how long a stream's slot outlives the last renewal by its instance
 * @param reservationLapse how long a reservation outlives the last renewal by its instance: the
 *     longest a reservation that is never settled (its admission timed out, its instance died)
 *     keeps counting
 * @param breaker when the gateway stops asking Redis for a while
 */
public record RedisSettings(
    List<String> urls,
    boolean cluster,
    Duration commandTimeout,
    Duration streamLease,
    Duration reservationLapse,
    Breaker breaker) {
  /**
   * Long enough for a loaded machine and a Redis that pauses (a fork for a snapshot, a slow
   * neighbour): a slow reply is waited for rather than taken for an outage.
   */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);

  public static final Duration DEFAULT_STREAM_LEASE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_RESERVATION_LAPSE = Duration.ofMinutes(2);

  public RedisSettings {
    urls = List.copyOf(urls);
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    Objects.requireNonNull(streamLease, "streamLease");
    Objects.requireNonNull(reservationLapse, "reservationLapse");
    Objects.requireNonNull(breaker, "breaker");
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("needs a redis:// or rediss:// URL");
    }
    if (urls.size() > 1 && !cluster) {
      throw new IllegalArgumentException("lists several URLs; that is only for a Redis Cluster");
    }
    urls.forEach(RedisSettings::requireRedisUrl);
    if (commandTimeout.isNegative() || commandTimeout.isZero()) {
      throw new IllegalArgumentException("the command timeout must be positive");
    }
    if (streamLease.compareTo(Duration.ofSeconds(3)) < 0) {
      throw new IllegalArgumentException("a stream lease must be at least 3 seconds");
    }
    if (reservationLapse.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("a reservation lapse must be at least 1 second");
    }
  }

  /** A comma-separated list of URLs, as {@code REDIS_URL} holds it. */
  public static RedisSettings of(String urls, boolean cluster, Duration commandTimeout) {
    return new RedisSettings(
        Arrays.stream(urls.split(",")).map(String::strip).filter(url -> !url.isEmpty()).toList(),
        cluster,
        commandTimeout,
        DEFAULT_STREAM_LEASE,
        DEFAULT_RESERVATION_LAPSE,
        Breaker.DEFAULTS);
  }

  public RedisSettings withStreamLease(Duration lease) {
    return new RedisSettings(urls, cluster, commandTimeout, lease, reservationLapse, breaker);
  }

  public RedisSettings withReservationLapse(Duration lapse) {
    return new RedisSettings(urls, cluster, commandTimeout, streamLease, lapse, breaker);
  }

  public RedisSettings withBreaker(Breaker breaker) {
    return new RedisSettings(urls, cluster, commandTimeout, streamLease, reservationLapse, breaker);
  }

  /**
   * When the gateway takes Redis for unavailable and stops asking it for a while: once {@code
   * failureRate} percent of its calls in the last {@code window} failed, judged from {@code
   * minimumCalls} calls on, or once one request's call failed on its retry too. After {@code
   * openFor} one call probes Redis again.
   */
  public record Breaker(int failureRate, int minimumCalls, Duration window, Duration openFor) {
    public static final Breaker DEFAULTS =
        new Breaker(50, 10, Duration.ofSeconds(10), Duration.ofSeconds(5));

    public Breaker {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(openFor, "openFor");
      if (failureRate < 1 || failureRate > 100) {
        throw new IllegalArgumentException("the failure rate is a percentage from 1 to 100");
      }
      if (minimumCalls < 1) {
        throw new IllegalArgumentException("the breaker needs at least one call to judge");
      }
      if (window.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("the breaker's window is at least a second");
      }
      if (openFor.isNegative() || openFor.isZero()) {
        throw new IllegalArgumentException("the breaker must stay open for some time");
      }
    }
  }

  List<RedisURI> redisUris() {
    return urls.stream().map(RedisURI::create).toList();
  }

  /** Where Redis is, without credentials: safe for logs. */
  public String describe() {
    return String.join(",", redisUris().stream().map(RedisSettings::hostAndPort).toList())
        + (cluster ? " (cluster)" : "");
  }

  @Override
  public String toString() {
    return "RedisSettings[" + describe() + ", timeout " + commandTimeout.toMillis() + " ms]";
  }

  private static String hostAndPort(RedisURI uri) {
    return uri.getHost() + ":" + uri.getPort();
  }

  /** Never echoes the URL: it may hold a password. */
  private static void requireRedisUrl(String url) {
    String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")) : "";
    if (!List.of("redis", "rediss").contains(scheme.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("must be a redis:// or rediss:// URL");
    }
    try {
      if (URI.create(url).getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      RedisURI.create(url);
    } catch (RuntimeException malformed) {
      throw new IllegalArgumentException(
          "is not a valid Redis URL (redis[s]://[[user]:password@]host[:port][/database])");
    }
  }
}
