package io.bedrockgateway.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.bedrockgateway.adapter.bedrock.BedrockModelInvoker;
import io.bedrockgateway.adapter.bedrock.BedrockModule;
import io.bedrockgateway.adapter.http.GatewayHttpServer;
import io.bedrockgateway.adapter.http.HttpModule;
import io.bedrockgateway.adapter.memory.MemoryModule;
import io.bedrockgateway.adapter.memory.MemoryStoresModule;
import io.bedrockgateway.application.service.ConverseSettings;
import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.plan.PlanCatalog;
import java.util.List;

/** A running gateway: the adapters composed around the use cases, serving HTTP. */
public final class Gateway implements AutoCloseable {
  private final GatewayHttpServer server;
  private final BedrockModelInvoker bedrock;

  private Gateway(GatewayHttpServer server, BedrockModelInvoker bedrock) {
    this.server = server;
    this.bedrock = bedrock;
  }

  public static Gateway start(GatewayConfig config) {
    List<ApiKeyRecord> keys =
        config.apiKeys().stream()
            .map(key -> ApiKeyRecord.configured(key, config.defaultPlan()))
            .toList();
    Injector injector =
        Guice.createInjector(
            Stage.PRODUCTION,
            new ApplicationModule(
                new ConverseSettings(
                    config.defaultChatModel(), config.prices(), config.reservedOutputTokens()),
                PlanCatalog.of(config.defaultPlan()),
                keys),
            new MemoryModule(),
            new MemoryStoresModule(),
            new BedrockModule(config.bedrock()),
            new HttpModule(config.http()));
    GatewayHttpServer server = injector.getInstance(GatewayHttpServer.class);
    server.start();
    return new Gateway(server, injector.getInstance(BedrockModelInvoker.class));
  }

  public int port() {
    return server.port();
  }

  /** Stops accepting, lets running requests finish, then releases the upstream clients. */
  @Override
  public void close() {
    server.stop();
    bedrock.close();
  }
}
