package io.bedrockgateway.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.bedrockgateway.application.port.in.AuthenticateUseCase;
import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.application.port.in.CountTokensUseCase;
import io.bedrockgateway.application.port.in.EmbedUseCase;
import io.bedrockgateway.application.port.in.GenerateImageUseCase;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.bedrockgateway.application.port.in.InvokeUseCase;
import io.bedrockgateway.application.port.in.ListModelsUseCase;
import io.bedrockgateway.application.port.in.ManageKeysUseCase;
import io.bedrockgateway.application.port.in.MetricsUseCase;
import io.bedrockgateway.application.port.in.RecordRejectionUseCase;
import io.bedrockgateway.application.port.in.UsageReportUseCase;
import io.bedrockgateway.application.port.out.ChatInvoker;
import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.application.port.out.EmbeddingInvoker;
import io.bedrockgateway.application.port.out.GatewayMetrics;
import io.bedrockgateway.application.port.out.ImageInvoker;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.RawInvoker;
import io.bedrockgateway.application.port.out.RemoteImageSource;
import io.bedrockgateway.application.port.out.TokenCounter;
import io.bedrockgateway.application.port.out.UsageBacklog;
import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.application.service.AuthenticateService;
import io.bedrockgateway.application.service.ConverseService;
import io.bedrockgateway.application.service.ConverseSettings;
import io.bedrockgateway.application.service.CountTokensService;
import io.bedrockgateway.application.service.EmbedService;
import io.bedrockgateway.application.service.EmbedSettings;
import io.bedrockgateway.application.service.HealthService;
import io.bedrockgateway.application.service.ImageService;
import io.bedrockgateway.application.service.InvokeService;
import io.bedrockgateway.application.service.ManageKeysService;
import io.bedrockgateway.application.service.MetricsService;
import io.bedrockgateway.application.service.ModelCallFlow;
import io.bedrockgateway.application.service.ModelListService;
import io.bedrockgateway.application.service.RecordRejectionService;
import io.bedrockgateway.application.service.RemoteImages;
import io.bedrockgateway.application.service.UsageReportService;
import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.domain.key.ApiKeyGenerator;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** The use cases, built from whatever adapters the other modules bound to the ports. */
final class ApplicationModule extends AbstractModule {
  private final GatewayConfig config;
  private final List<ApiKeyRecord> configuredKeys;

  ApplicationModule(GatewayConfig config, List<ApiKeyRecord> configuredKeys) {
    this.config = config;
    this.configuredKeys = List.copyOf(configuredKeys);
  }

  @Override
  protected void configure() {
    bind(Clock.class).toInstance(Clock.systemUTC());
    Multibinder.newSetBinder(binder(), DependencyProbe.class);
  }

  @Provides
  @Singleton
  ConfiguredKeysFirst acceptedKeys(KeyStore managed) {
    return new ConfiguredKeysFirst(configuredKeys, managed);
  }

  @Provides
  @Singleton
  ModelCallFlow flow(QuotaCounter quota, UsageLedger ledger, GatewayMetrics metrics, Clock clock) {
    return new ModelCallFlow(
        quota, ledger, metrics, clock, config.catalog(), config.prices(), config.unpricedModels());
  }

  @Provides
  @Singleton
  AuthenticateUseCase authenticate(ConfiguredKeysFirst keys, GatewayMetrics metrics, Clock clock) {
    return new AuthenticateService(keys, metrics, clock);
  }

  @Provides
  @Singleton
  ConverseUseCase converse(
      ModelCallFlow flow, ChatInvoker invoker, TokenCounter counter, RemoteImageSource images) {
    return new ConverseService(
        flow,
        invoker,
        chatSettings(),
        counter,
        new RemoteImages(config.remoteMedia().policy(), images));
  }

  @Provides
  @Singleton
  InvokeUseCase invoke(ModelCallFlow flow, RawInvoker invoker) {
    return new InvokeService(flow, invoker, chatSettings());
  }

  @Provides
  @Singleton
  CountTokensUseCase countTokens(ModelCallFlow flow, RawInvoker invoker, ChatInvoker chat) {
    return new CountTokensService(flow, invoker, chat);
  }

  private ConverseSettings chatSettings() {
    return new ConverseSettings(config.defaults().chat(), config.reservedOutputTokens());
  }

  @Provides
  @Singleton
  EmbedUseCase embed(ModelCallFlow flow, EmbeddingInvoker invoker) {
    return new EmbedService(
        flow,
        invoker,
        new EmbedSettings(config.defaults().textEmbedding(), config.defaults().imageEmbedding()));
  }

  @Provides
  @Singleton
  GenerateImageUseCase images(ModelCallFlow flow, ImageInvoker invoker) {
    return new ImageService(flow, invoker, config.defaults().image());
  }

  @Provides
  @Singleton
  ListModelsUseCase models(ModelCallFlow flow) {
    return new ModelListService(flow, config.catalog(), config.prices());
  }

  @Provides
  @Singleton
  RecordRejectionUseCase rejections(UsageLedger ledger, Clock clock) {
    return new RecordRejectionService(ledger, clock, config.prices());
  }

  @Provides
  @Singleton
  UsageReportUseCase usageReports(UsageLedger ledger) {
    return new UsageReportService(ledger);
  }

  @Provides
  @Singleton
  ManageKeysUseCase manageKeys(KeyStore managed, Clock clock) {
    return new ManageKeysService(
        managed, config.plans(), new ApiKeyGenerator(new SecureRandom()), clock);
  }

  @Provides
  @Singleton
  MetricsUseCase metrics(GatewayMetrics metrics) {
    return new MetricsService(metrics);
  }

  @Provides
  @Singleton
  HealthUseCase health(Set<DependencyProbe> probes, UsageBacklog backlog) {
    return new HealthService(probes, backlog);
  }
}
