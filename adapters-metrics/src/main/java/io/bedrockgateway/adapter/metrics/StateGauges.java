package io.bedrockgateway.adapter.metrics;

import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.application.port.out.QuotaFallbacks;
import io.bedrockgateway.application.port.out.UsageBacklog;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;

/**
 * Values read when scraped: each dependency's health, the usage ledger's backlog and the requests
 * whose limits were decided without the shared counter.
 */
final class StateGauges {
  private StateGauges() {}

  static void register(
      MeterRegistry registry,
      Set<DependencyProbe> probes,
      UsageBacklog backlog,
      QuotaFallbacks fallbacks) {
    for (DependencyProbe probe : probes) {
      Gauge.builder("bedrock.gateway.dependency.up", probe, p -> p.check().up() ? 1 : 0)
          .description("1 while the dependency can serve, else 0")
          .tag("dependency", probe.name())
          .register(registry);
    }
    Gauge.builder("bedrock.gateway.usage.queue.events", backlog, UsageBacklog::queued)
        .description("Usage events accepted and waiting to be written")
        .register(registry);
    Gauge.builder("bedrock.gateway.usage.spool.events", backlog, UsageBacklog::spooled)
        .description("Usage events in the local spool, waiting for the store")
        .register(registry);
    FunctionCounter.builder("bedrock.gateway.usage.lost.events", backlog, UsageBacklog::lost)
        .description("Usage events that could be neither written nor spooled")
        .register(registry);
    FunctionCounter.builder(
            "bedrock.gateway.usage.queue.overflows", backlog, UsageBacklog::overflowed)
        .description("Usage events that found the queue full and went to the spool's own queue")
        .register(registry);
    FunctionCounter.builder(
            "bedrock.gateway.quota.fallback.requests",
            fallbacks,
            QuotaFallbacks::decidedWithoutShared)
        .description(
            "Requests whose limits RATE_LIMIT_FAILURE_MODE decided: the shared counter (Redis) was"
                + " unavailable")
        .register(registry);
  }
}
