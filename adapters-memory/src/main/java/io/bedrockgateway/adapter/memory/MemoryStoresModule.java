package io.bedrockgateway.adapter.memory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.application.port.out.UsageBacklog;
import io.bedrockgateway.application.port.out.UsageLedger;

/** Binds the key store and the usage ledger to their in-process implementations. */
public final class MemoryStoresModule extends AbstractModule {
  private static final int USAGE_CAPACITY = 100_000;

  @Override
  protected void configure() {
    bind(KeyStore.class).to(InMemoryKeyStore.class);
    bind(UsageLedger.class).to(InMemoryUsageLedger.class);
    bind(UsageBacklog.class).to(InMemoryUsageLedger.class);
    Multibinder.newSetBinder(binder(), DependencyProbe.class)
        .addBinding()
        .to(InMemoryStorageProbe.class);
  }

  @Provides
  @Singleton
  InMemoryKeyStore keyStore() {
    return new InMemoryKeyStore();
  }

  @Provides
  @Singleton
  InMemoryUsageLedger usageLedger() {
    return new InMemoryUsageLedger(USAGE_CAPACITY);
  }
}
