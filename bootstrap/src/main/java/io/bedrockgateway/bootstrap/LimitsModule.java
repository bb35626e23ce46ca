package io.bedrockgateway.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.bedrockgateway.adapter.memory.InMemoryQuotaCounter;
import io.bedrockgateway.adapter.redis.RedisModule;
import io.bedrockgateway.adapter.redis.RedisQuotaCounter;
import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.QuotaFallbacks;
import io.bedrockgateway.application.service.FailureModeQuotaCounter;
import io.bedrockgateway.application.service.QuotaFailureMode;
import io.bedrockgateway.bootstrap.config.LimitsConfig;
import java.time.Clock;

/**
 * Binds the {@link QuotaCounter}: the in-memory one without Redis; with Redis, the Redis one,
 * falling back to the in-memory one, to no counting or to refusals as the failure mode says.
 */
final class LimitsModule extends AbstractModule {
  private final LimitsConfig limits;

  LimitsModule(LimitsConfig limits) {
    this.limits = limits;
  }

  @Override
  protected void configure() {
    if (limits.redis().isEmpty()) {
      bind(QuotaCounter.class).to(InMemoryQuotaCounter.class);
      bind(QuotaFallbacks.class).toInstance(QuotaFallbacks.NONE);
      return;
    }
    QuotaFailureMode mode = limits.failureMode();
    install(new RedisModule(limits.redis().get(), mode == QuotaFailureMode.CLOSED));
    install(
        new AbstractModule() {
          @Provides
          @Singleton
          FailureModeQuotaCounter failureModeCounter(
              RedisQuotaCounter shared, InMemoryQuotaCounter local, Clock clock) {
            return new FailureModeQuotaCounter(shared, local, mode, clock);
          }

          @Provides
          QuotaCounter quotaCounter(FailureModeQuotaCounter counter) {
            return counter;
          }

          @Provides
          QuotaFallbacks fallbacks(FailureModeQuotaCounter counter) {
            return counter;
          }
        });
  }
}
