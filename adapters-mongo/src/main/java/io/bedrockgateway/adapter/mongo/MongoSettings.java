package io.bedrockgateway.adapter.mongo;

import com.mongodb.ConnectionString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where MongoDB is and how the adapter uses it.
 *
 * @param uri a {@code mongodb://} or {@code mongodb+srv://} URI; the database is its path
 * @param spoolDirectory where usage events wait on disk while MongoDB cannot be reached
 * @param retention how long raw usage events are kept; daily rollups are kept beyond
 * @param keyCacheTtl how long a key lookup is reused: the longest a revocation takes to reach this
 *     instance
 * @param queueCapacity usage events waiting in memory for the writer before they go to the spool
 * @param timeouts the longest any MongoDB call may wait, so that a MongoDB that hangs (rather than
 *     refuses) holds nothing for long
 */
public record MongoSettings(
    String uri,
    Path spoolDirectory,
    Duration retention,
    Duration keyCacheTtl,
    int queueCapacity,
    Timeouts timeouts) {
  public static final String DEFAULT_DATABASE = "bedrock_gateway";

  /**
   * Bounds on every MongoDB call; an option the URI sets itself ({@code timeoutMS}, {@code
   * connectTimeoutMS}, {@code serverSelectionTimeoutMS}) wins over these.
   *
   * @param operation the whole of one operation: finding a server, a connection from the pool, and
   *     every read of its answer (the driver's client-side operation timeout, {@code timeoutMS},
   *     which also bounds each socket read and is sent to the server as {@code maxTimeMS})
   * @param connect opening a connection, and each read of the server monitor's heartbeat
   * @param serverSelection finding a server able to take the operation
   */
  public record Timeouts(Duration operation, Duration connect, Duration serverSelection) {
    public static final Duration MAX = Duration.ofMinutes(10);
    public static final Timeouts DEFAULTS =
        new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));

    public Timeouts {
      positive("operation", operation);
      positive("connect", connect);
      positive("serverSelection", serverSelection);
    }

    private static void positive(String name, Duration timeout) {
      Objects.requireNonNull(timeout, name);
      if (timeout.toMillis() < 1 || timeout.compareTo(MAX) > 0) {
        throw new IllegalArgumentException(name + " timeout must be from 1 ms to " + MAX);
      }
    }
  }

  public MongoSettings {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(spoolDirectory, "spoolDirectory");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(keyCacheTtl, "keyCacheTtl");
    Objects.requireNonNull(timeouts, "timeouts");
    connectionString(uri);
    if (retention.toDays() < 1) {
      throw new IllegalArgumentException("retention must be at least one day");
    }
    if (keyCacheTtl.isNegative()) {
      throw new IllegalArgumentException("keyCacheTtl must not be negative");
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be at least 1");
    }
  }

  /** Settings with the {@linkplain Timeouts#DEFAULTS default timeouts}. */
  public MongoSettings(
      String uri,
      Path spoolDirectory,
      Duration retention,
      Duration keyCacheTtl,
      int queueCapacity) {
    this(uri, spoolDirectory, retention, keyCacheTtl, queueCapacity, Timeouts.DEFAULTS);
  }

  /** These settings with other timeouts. */
  public MongoSettings withTimeouts(Timeouts other) {
    return new MongoSettings(uri, spoolDirectory, retention, keyCacheTtl, queueCapacity, other);
  }

  /** The database named in the URI's path, or {@value #DEFAULT_DATABASE}. */
  public String database() {
    String named = connectionString().getDatabase();
    return named == null || named.isBlank() ? DEFAULT_DATABASE : named;
  }

  ConnectionString connectionString() {
    return connectionString(uri);
  }

  private static ConnectionString connectionString(String uri) {
    try {
      return new ConnectionString(uri);
    } catch (RuntimeException malformed) {
      // the driver's message may quote the URI, password included
      throw new IllegalArgumentException(
          "must be a mongodb:// or mongodb+srv:// URI, e.g. mongodb://host:27017/bedrock_gateway");
    }
  }

  /** Never prints the URI: it may carry a password. */
  @Override
  public String toString() {
    return "MongoSettings[database="
        + database()
        + ", spoolDirectory="
        + spoolDirectory
        + ", retention="
        + retention
        + ", keyCacheTtl="
        + keyCacheTtl
        + ", queueCapacity="
        + queueCapacity
        + ", timeouts="
        + timeouts
        + "]";
  }
}
