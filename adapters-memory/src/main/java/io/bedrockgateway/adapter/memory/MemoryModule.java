package io.bedrockgateway.adapter.memory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.bedrockgateway.application.port.out.QuotaCounter;
import java.time.Clock;

/** Binds the limits to their in-process implementation. */
public final class MemoryModule extends AbstractModule {
  @Provides
  @Singleton
  QuotaCounter quotaCounter(Clock clock) {
    return new InMemoryQuotaCounter(clock);
  }
}
