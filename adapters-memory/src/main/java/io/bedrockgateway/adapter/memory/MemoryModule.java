package io.bedrockgateway.adapter.memory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import java.time.Clock;
import java.util.List;

/**
 * Binds the key store and the usage ledger to their in-process implementations, and provides the
 * {@link InMemoryQuotaCounter} for whoever composes the limits: alone, or as Redis's stand-in.
 */
public final class MemoryModule extends AbstractModule {
  private static final int USAGE_CAPACITY = 100_000;

  private final List<ApiKeyRecord> keys;

  public MemoryModule(List<ApiKeyRecord> keys) {
    this.keys = List.copyOf(keys);
  }

  @Override
  protected void configure() {
    bind(KeyStore.class).toInstance(new InMemoryKeyStore(keys));
    bind(UsageLedger.class).to(InMemoryUsageLedger.class);
    Multibinder.newSetBinder(binder(), DependencyProbe.class)
        .addBinding()
        .to(InMemoryStorageProbe.class);
  }

  @Provides
  @Singleton
  InMemoryQuotaCounter quotaCounter(Clock clock) {
    return new InMemoryQuotaCounter(clock);
  }

  @Provides
  @Singleton
  InMemoryUsageLedger usageLedger() {
    return new InMemoryUsageLedger(USAGE_CAPACITY);
  }
}
