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
 */
public record MongoSettings(
    String uri, Path spoolDirectory, Duration retention, Duration keyCacheTtl, int queueCapacity) {
  public static final String DEFAULT_DATABASE = "bedrock_gateway";

  public MongoSettings {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(spoolDirectory, "spoolDirectory");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(keyCacheTtl, "keyCacheTtl");
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
        + "]";
  }
}
