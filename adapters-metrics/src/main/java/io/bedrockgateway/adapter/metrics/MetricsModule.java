package io.bedrockgateway.adapter.metrics;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.application.port.out.GatewayMetrics;
import io.bedrockgateway.application.port.out.QuotaFallbacks;
import io.bedrockgateway.application.port.out.UpstreamObserver;
import io.bedrockgateway.application.port.out.UsageBacklog;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import java.util.Set;

/**
 * Binds {@link GatewayMetrics} and {@link UpstreamObserver} to one Prometheus registry, with the
 * JVM's metrics; the injector must bind the {@link DependencyProbe}s (a set), the {@link
 * UsageBacklog} and the {@link QuotaFallbacks}.
 */
public final class MetricsModule extends AbstractModule {
  private final MetricsSettings settings;

  public MetricsModule(MetricsSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Provides
  @Singleton
  PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  @Provides
  @Singleton
  GatewayMetrics gatewayMetrics(
      PrometheusMeterRegistry registry,
      Set<DependencyProbe> probes,
      UsageBacklog backlog,
      QuotaFallbacks fallbacks) {
    // here, not with the registry: the probes may depend on the UpstreamObserver, made from it
    StateGauges.register(registry, probes, backlog, fallbacks);
    return new PrometheusGatewayMetrics(registry, settings);
  }

  @Provides
  @Singleton
  UpstreamObserver upstreamObserver(PrometheusMeterRegistry registry) {
    return new UpstreamMeters(registry);
  }
}
