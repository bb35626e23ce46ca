package io.bedrockgateway.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.bedrockgateway.adapter.bedrock.BedrockModelInvoker;
import io.bedrockgateway.adapter.bedrock.BedrockModule;
import io.bedrockgateway.adapter.http.GatewayHttpServer;
import io.bedrockgateway.adapter.http.HttpModule;
import io.bedrockgateway.adapter.memory.MemoryModule;
import io.bedrockgateway.adapter.redis.RedisConnection;
import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import java.util.List;
import java.util.Optional;

/** A running gateway: the adapters composed around the use cases, serving HTTP. */
public final class Gateway implements AutoCloseable {
  private final GatewayHttpServer server;
  private final BedrockModelInvoker bedrock;
  private final Optional<RedisConnection> redis;

  private Gateway(
      GatewayHttpServer server, BedrockModelInvoker bedrock, Optional<RedisConnection> redis) {
    this.server = server;
    this.bedrock = bedrock;
    this.redis = redis;
  }

  public static Gateway start(GatewayConfig config) {
    List<ApiKeyRecord> keys =
        config.apiKeys().stream()
            .map(key -> ApiKeyRecord.configured(key, config.defaultPlan()))
            .toList();
    Injector injector =
        Guice.createInjector(
            Stage.PRODUCTION,
            new ApplicationModule(config),
            new MemoryModule(keys),
            new LimitsModule(config.limits()),
            new BedrockModule(config.bedrock()),
            new HttpModule(config.http()));
    GatewayHttpServer server = injector.getInstance(GatewayHttpServer.class);
    server.start();
    return new Gateway(
        server,
        injector.getInstance(BedrockModelInvoker.class),
        config.limits().redis().map(settings -> injector.getInstance(RedisConnection.class)));
  }

  public int port() {
    return server.port();
  }

  /** Stops accepting, lets running requests finish, then releases the upstream clients. */
  @Override
  public void close() {
    server.stop();
    bedrock.close();
    redis.ifPresent(RedisConnection::close);
  }
}
