package io.bedrockgateway.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import io.bedrockgateway.adapter.bedrock.BedrockModelInvoker;
import io.bedrockgateway.adapter.bedrock.BedrockModule;
import io.bedrockgateway.adapter.http.GatewayHttpServer;
import io.bedrockgateway.adapter.http.HttpModule;
import io.bedrockgateway.adapter.media.HttpImageSource;
import io.bedrockgateway.adapter.media.MediaModule;
import io.bedrockgateway.adapter.memory.MemoryModule;
import io.bedrockgateway.adapter.memory.MemoryStoresModule;
import io.bedrockgateway.adapter.metrics.MetricsModule;
import io.bedrockgateway.adapter.mongo.MongoModule;
import io.bedrockgateway.adapter.mongo.MongoStores;
import io.bedrockgateway.adapter.redis.RedisConnection;
import io.bedrockgateway.application.port.out.RemoteImageSource;
import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.media.RemoteMediaPolicy;
import java.util.List;
import java.util.Optional;

/** A running gateway: the adapters composed around the use cases, serving HTTP. */
public final class Gateway implements AutoCloseable {
  private final GatewayHttpServer server;
  private final BedrockModelInvoker bedrock;
  private final Optional<RedisConnection> redis;
  private final Optional<MongoStores> mongo;
  private final Optional<HttpImageSource> media;

  private Gateway(
      GatewayHttpServer server,
      BedrockModelInvoker bedrock,
      Optional<RedisConnection> redis,
      Optional<MongoStores> mongo,
      Optional<HttpImageSource> media) {
    this.server = server;
    this.bedrock = bedrock;
    this.redis = redis;
    this.mongo = mongo;
    this.media = media;
  }

  public static Gateway start(GatewayConfig config) {
    List<ApiKeyRecord> keys =
        config.apiKeys().stream()
            .map(
                key ->
                    ApiKeyRecord.configured(key, config.keyIds().idOf(key), config.defaultPlan()))
            .toList();
    Module stores =
        config
            .mongo()
            .<Module>map(settings -> new MongoModule(settings, config.plans()))
            .orElseGet(MemoryStoresModule::new);
    Injector injector =
        Guice.createInjector(
            Stage.PRODUCTION,
            new ApplicationModule(config, keys),
            new MemoryModule(),
            new LimitsModule(config.limits()),
            stores,
            new MetricsModule(config.metrics()),
            new BedrockModule(config.bedrock()),
            remoteMedia(config),
            new HttpModule(config.http(), config.anthropic(), config.remoteMedia().policy()));
    GatewayHttpServer server = injector.getInstance(GatewayHttpServer.class);
    server.start();
    return new Gateway(
        server,
        injector.getInstance(BedrockModelInvoker.class),
        config.limits().redis().map(settings -> injector.getInstance(RedisConnection.class)),
        config.mongo().map(settings -> injector.getInstance(MongoStores.class)),
        Optional.of(config.remoteMedia().policy())
            .filter(RemoteMediaPolicy::fetchesAny)
            .map(policy -> injector.getInstance(HttpImageSource.class)));
  }

  /** The HTTP fetcher of images named by URL, where the operator allowed hosts; else none. */
  private static Module remoteMedia(GatewayConfig config) {
    if (config.remoteMedia().policy().fetchesAny()) {
      return new MediaModule(config.remoteMedia().fetching());
    }
    return binder -> binder.bind(RemoteImageSource.class).toInstance(RemoteImageSource.NONE);
  }

  public int port() {
    return server.port();
  }

  /** The admin listener's port. */
  public int adminPort() {
    return server.adminPort();
  }

  /**
   * Stops accepting, lets running requests finish, flushes their usage (to MongoDB, else to the
   * spool), then releases the upstream clients.
   */
  @Override
  public void close() {
    server.stop();
    mongo.ifPresent(MongoStores::close);
    bedrock.close();
    redis.ifPresent(RedisConnection::close);
    media.ifPresent(HttpImageSource::close);
  }
}
