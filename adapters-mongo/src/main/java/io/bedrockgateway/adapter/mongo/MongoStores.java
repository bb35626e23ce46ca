package io.bedrockgateway.adapter.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.domain.plan.PlanCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * One MongoDB client and the stores built on it. Connecting is lazy: the gateway starts, and spools
 * usage, while MongoDB is down.
 */
public final class MongoStores implements AutoCloseable {
  private final MongoSettings settings;
  private final Clock clock;
  private final MongoClient client;
  private final MongoDatabase database;
  private MongoUsageLedger ledger;

  private MongoStores(MongoSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.client = MongoClients.create(clientSettings(settings));
    this.database = client.getDatabase(settings.database());
  }

  /**
   * The driver's settings: every wait bounded by {@link MongoSettings#timeouts()}, unless the URI
   * sets that bound itself. A MongoDB that accepts connections but never answers fails each call
   * within the operation timeout, as one that refuses them does.
   */
  static MongoClientSettings clientSettings(MongoSettings settings) {
    ConnectionString uri = settings.connectionString();
    MongoSettings.Timeouts timeouts = settings.timeouts();
    MongoClientSettings.Builder builder =
        MongoClientSettings.builder()
            .applicationName("bedrock-gateway")
            .applyConnectionString(uri)
            .applyToClusterSettings(
                cluster -> {
                  if (uri.getServerSelectionTimeout() == null) {
                    cluster.serverSelectionTimeout(
                        timeouts.serverSelection().toMillis(), TimeUnit.MILLISECONDS);
                  }
                })
            .applyToSocketSettings(
                socket -> {
                  if (uri.getConnectTimeout() == null) {
                    socket.connectTimeout(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS);
                  }
                  if (uri.getSocketTimeout() == null) {
                    // superseded by the operation timeout below; kept should that be unset
                    socket.readTimeout(timeouts.operation().toMillis(), TimeUnit.MILLISECONDS);
                  }
                });
    if (uri.getTimeout() == null) {
      builder.timeout(timeouts.operation().toMillis(), TimeUnit.MILLISECONDS);
    }
    return builder.build();
  }

  public static MongoStores connect(MongoSettings settings, Clock clock) {
    return new MongoStores(settings, clock);
  }

  /** The {@code api_keys} store; plans are resolved by name through {@code plans}. */
  public KeyStore keyStore(PlanCatalog plans) {
    return new MongoKeyStore(
        database.getCollection(KeyDocuments.COLLECTION),
        new KeyDocuments(plans),
        settings.keyCacheTtl(),
        clock);
  }

  /**
   * The usage ledger, with its writer thread; one per process, closed with the stores.
   *
   * @throws UncheckedIOException when the spool directory cannot be used
   */
  public synchronized MongoUsageLedger usageLedger() {
    if (ledger == null) {
      try {
        ledger = new MongoUsageLedger(database, settings, clock);
      } catch (IOException unusable) {
        throw new UncheckedIOException(
            "the usage spool " + settings.spoolDirectory() + " cannot be used", unusable);
      }
    }
    return ledger;
  }

  /** Flushes the usage ledger, if there is one, then disconnects. */
  @Override
  public synchronized void close() {
    if (ledger != null) {
      ledger.close();
    }
    client.close();
  }
}
