package io.bedrockgateway.adapter.memory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;

/**
 * Provides the {@link InMemoryQuotaCounter} for whoever composes the limits: alone, or as Redis's
 * stand-in. The stores are {@link MemoryStoresModule}'s.
 */
public final class MemoryModule extends AbstractModule {
  @Provides
  @Singleton
  InMemoryQuotaCounter quotaCounter(Clock clock) {
    return new InMemoryQuotaCounter(clock);
  }
}
