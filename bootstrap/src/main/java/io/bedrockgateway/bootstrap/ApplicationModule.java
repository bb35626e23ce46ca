package io.bedrockgateway.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.bedrockgateway.application.port.in.ManageKeysUseCase;
import io.bedrockgateway.application.port.in.RecordRejectionUseCase;
import io.bedrockgateway.application.port.in.UsageReportUseCase;
import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.application.port.out.ModelInvoker;
import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.application.service.ConverseService;
import io.bedrockgateway.application.service.ConverseSettings;
import io.bedrockgateway.application.service.HealthService;
import io.bedrockgateway.application.service.ManageKeysService;
import io.bedrockgateway.application.service.RecordRejectionService;
import io.bedrockgateway.application.service.UsageReportService;
import io.bedrockgateway.domain.key.ApiKeyGenerator;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.plan.PlanCatalog;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** The use cases, built from whatever adapters the other modules bound to the ports. */
final class ApplicationModule extends AbstractModule {
  private final ConverseSettings converseSettings;
  private final PlanCatalog plans;
  private final List<ApiKeyRecord> configuredKeys;

  ApplicationModule(
      ConverseSettings converseSettings, PlanCatalog plans, List<ApiKeyRecord> configuredKeys) {
    this.converseSettings = converseSettings;
    this.plans = plans;
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
  ConverseUseCase converse(
      ConfiguredKeysFirst keys,
      QuotaCounter quota,
      ModelInvoker invoker,
      UsageLedger ledger,
      Clock clock) {
    return new ConverseService(keys, quota, invoker, ledger, clock, converseSettings);
  }

  @Provides
  @Singleton
  RecordRejectionUseCase rejections(ConfiguredKeysFirst keys, UsageLedger ledger, Clock clock) {
    return new RecordRejectionService(keys, ledger, clock, converseSettings.prices());
  }

  @Provides
  @Singleton
  UsageReportUseCase usageReports(ConfiguredKeysFirst keys, UsageLedger ledger, Clock clock) {
    return new UsageReportService(keys, ledger, clock);
  }

  @Provides
  @Singleton
  ManageKeysUseCase manageKeys(KeyStore managed, Clock clock) {
    return new ManageKeysService(managed, plans, new ApiKeyGenerator(new SecureRandom()), clock);
  }

  @Provides
  @Singleton
  HealthUseCase health(Set<DependencyProbe> probes) {
    return new HealthService(probes);
  }
}
