package io.bedrockgateway.adapter.mongo;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.application.port.out.UsageBacklog;
import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.domain.plan.PlanCatalog;
import java.time.Clock;
import java.util.Objects;

/**
 * Binds the key store and the usage ledger to MongoDB; the injector must bind {@link Clock}. The
 * caller closes {@link MongoStores} at shutdown, which flushes the ledger.
 */
public final class MongoModule extends AbstractModule {
  private final MongoSettings settings;
  private final PlanCatalog plans;

  public MongoModule(MongoSettings settings, PlanCatalog plans) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.plans = Objects.requireNonNull(plans, "plans");
  }

  @Override
  protected void configure() {
    bind(UsageLedger.class).to(MongoUsageLedger.class);
    bind(UsageBacklog.class).to(MongoUsageLedger.class);
    Multibinder.newSetBinder(binder(), DependencyProbe.class).addBinding().to(MongoProbe.class);
  }

  @Provides
  @Singleton
  MongoStores stores(Clock clock) {
    return MongoStores.connect(settings, clock);
  }

  @Provides
  @Singleton
  KeyStore keyStore(MongoStores stores) {
    return stores.keyStore(plans);
  }

  @Provides
  @Singleton
  MongoUsageLedger usageLedger(MongoStores stores) {
    return stores.usageLedger();
  }

  @Provides
  @Singleton
  MongoProbe probe(MongoUsageLedger ledger) {
    return new MongoProbe(ledger);
  }
}
