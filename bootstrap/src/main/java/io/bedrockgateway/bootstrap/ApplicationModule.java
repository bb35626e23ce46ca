package io.bedrockgateway.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.application.port.out.ModelInvoker;
import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.application.service.ConverseService;
import io.bedrockgateway.application.service.ConverseSettings;
import io.bedrockgateway.application.service.HealthService;
import java.time.Clock;
import java.util.Set;

/** The use cases, built from whatever adapters the other modules bound to the ports. */
final class ApplicationModule extends AbstractModule {
  private final ConverseSettings converseSettings;

  ApplicationModule(ConverseSettings converseSettings) {
    this.converseSettings = converseSettings;
  }

  @Override
  protected void configure() {
    bind(Clock.class).toInstance(Clock.systemUTC());
    Multibinder.newSetBinder(binder(), DependencyProbe.class);
  }

  @Provides
  @Singleton
  ConverseUseCase converse(
      KeyStore keys, QuotaCounter quota, ModelInvoker invoker, UsageLedger ledger, Clock clock) {
    return new ConverseService(keys, quota, invoker, ledger, clock, converseSettings);
  }

  @Provides
  @Singleton
  HealthUseCase health(Set<DependencyProbe> probes) {
    return new HealthService(probes);
  }
}
