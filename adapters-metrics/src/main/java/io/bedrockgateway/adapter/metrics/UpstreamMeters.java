package io.bedrockgateway.adapter.metrics;

import io.bedrockgateway.application.port.out.UpstreamObserver;
import io.bedrockgateway.domain.chat.ModelId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the failover did: failed attempts by error type, retry rounds, and fallbacks along the
 * configured chains (so from and to are always configured models).
 */
final class UpstreamMeters implements UpstreamObserver {
  private final Meter.MeterProvider<Counter> errors;
  private final Counter retries;
  private final Meter.MeterProvider<Counter> fallbacks;

  UpstreamMeters(MeterRegistry registry) {
    this.errors =
        Counter.builder("bedrock.gateway.upstream.errors")
            .description("Failed attempts at Bedrock, by error type")
            .withRegistry(registry);
    this.retries =
        Counter.builder("bedrock.gateway.upstream.retries")
            .description("Rounds of attempts begun again after every target failed")
            .register(registry);
    this.fallbacks =
        Counter.builder("bedrock.gateway.upstream.fallbacks")
            .description("Calls handed from a failed target to the next of its route")
            .withRegistry(registry);
  }

  @Override
  public void attemptFailed(String errorKind) {
    errors.withTags("type", errorKind).increment();
  }

  @Override
  public void retried() {
    retries.increment();
  }

  @Override
  public void fellBack(ModelId from, ModelId to) {
    fallbacks.withTags("from", from.value(), "to", to.value()).increment();
  }
}
