package io.bedrockgateway.adapter.metrics;

import io.bedrockgateway.application.port.out.ModelRequestRecord;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.usage.UsageEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;

/**
 * Model requests as the application saw them: outcome, latency, the gateway's overhead, time to
 * first token, tokens and cost. Labelled by the model that served (never the name a caller sent,
 * which would let callers make series at will) and, when enabled, by key id.
 */
final class ModelRequestMeters {
  private static final String NO_MODEL = "none";
  private static final double NANOS_PER_DOLLAR = 1e9;

  private final boolean keyLabels;
  private final Meter.MeterProvider<Counter> requests;
  private final Meter.MeterProvider<Timer> latency;
  private final Meter.MeterProvider<Timer> overhead;
  private final Meter.MeterProvider<Timer> upstream;
  private final Meter.MeterProvider<Timer> firstToken;
  private final Meter.MeterProvider<Counter> tokens;
  private final Meter.MeterProvider<Counter> cost;
  private final Meter.MeterProvider<Counter> keyTokens;
  private final Meter.MeterProvider<Counter> keyCost;
  private final Meter.MeterProvider<Counter> denials;
  private final Meter.MeterProvider<Counter> unpriced;

  ModelRequestMeters(MeterRegistry registry, MetricsSettings settings) {
    this.keyLabels = settings.keyLabels();
    this.requests =
        Counter.builder("bedrock.gateway.requests")
            .description("Model requests, by operation, serving model and outcome")
            .withRegistry(registry);
    this.latency =
        Timer.builder("bedrock.gateway.request.duration")
            .description("Model request latency, arrival to last byte, by operation")
            .serviceLevelObjectives(Buckets.LATENCY)
            .withRegistry(registry);
    this.overhead =
        Timer.builder("bedrock.gateway.overhead")
            .description("The gateway's own time per model request: latency less upstream time")
            .serviceLevelObjectives(Buckets.OVERHEAD)
            .withRegistry(registry);
    this.upstream =
        Timer.builder("bedrock.gateway.upstream.duration")
            .description("Time spent waiting on Bedrock per request, retries included, by model")
            .serviceLevelObjectives(Buckets.LATENCY)
            .withRegistry(registry);
    this.firstToken =
        Timer.builder("bedrock.gateway.time.to.first.token")
            .description("Time from arrival to the first generated token of a stream, by model")
            .serviceLevelObjectives(Buckets.LATENCY)
            .withRegistry(registry);
    this.tokens =
        Counter.builder("bedrock.gateway.tokens")
            .description("Tokens used, by model and type (input, output, cache_read, cache_write)")
            .withRegistry(registry);
    this.cost =
        Counter.builder("bedrock.gateway.cost.usd")
            .description("Cost in US dollars, by model")
            .withRegistry(registry);
    this.keyTokens =
        Counter.builder("bedrock.gateway.key.tokens")
            .description(
                "Tokens used, by API key id and type (input, output, cache_read, cache_write)")
            .withRegistry(registry);
    this.keyCost =
        Counter.builder("bedrock.gateway.key.cost.usd")
            .description("Cost in US dollars, by API key id")
            .withRegistry(registry);
    this.unpriced =
        Counter.builder("bedrock.gateway.unpriced.requests")
            .description(
                "Requests served by a model without a price, so their cost is unknown, by model")
            .withRegistry(registry);
    this.denials =
        Counter.builder("bedrock.gateway.rate.limit.denials")
            .description("Requests refused by a limit of their key's plan, by limit")
            .withRegistry(registry);
  }

  void record(ModelRequestRecord record) {
    UsageEvent usage = record.usage();
    String operation = usage.operation().wireName();
    String model = usage.servedModel().map(ModelId::value).orElse(NO_MODEL);
    requests
        .withTags(
            "operation",
            operation,
            "model",
            model,
            "outcome",
            usage.outcome().name().toLowerCase(Locale.ROOT))
        .increment();
    latency.withTags("operation", operation).record(usage.latency());
    overhead.withTags("operation", operation).record(record.overhead());
    record.deniedBy().ifPresent(limit -> denials.withTags("limit", limit.wireName()).increment());
    if (usage.servedModel().isEmpty()) {
      return;
    }
    upstream.withTags("model", model).record(record.upstreamTime());
    usage.timeToFirstToken().ifPresent(ttft -> firstToken.withTags("model", model).record(ttft));
    countTokens(tokens, "model", model, usage.usage());
    usage
        .cost()
        .ifPresentOrElse(
            usd -> cost.withTags("model", model).increment(dollars(usd)),
            () -> unpriced.withTags("model", model).increment());
    if (keyLabels) {
      usage.principal().map(Principal::keyId).ifPresent(key -> perKey(key.value(), usage));
    }
  }

  /** One series per type; the cache types only once a request used the prompt cache. */
  private static void countTokens(
      Meter.MeterProvider<Counter> counter, String label, String value, TokenUsage used) {
    counter.withTags(label, value, "type", "input").increment(used.inputTokens());
    counter.withTags(label, value, "type", "output").increment(used.outputTokens());
    if (used.cacheReadInputTokens() > 0) {
      counter.withTags(label, value, "type", "cache_read").increment(used.cacheReadInputTokens());
    }
    if (used.cacheWriteInputTokens() > 0) {
      counter.withTags(label, value, "type", "cache_write").increment(used.cacheWriteInputTokens());
    }
  }

  private static double dollars(Usd usd) {
    return usd.nanos() / NANOS_PER_DOLLAR;
  }

  private void perKey(String keyId, UsageEvent usage) {
    countTokens(keyTokens, "key_id", keyId, usage.usage());
    usage.cost().ifPresent(usd -> keyCost.withTags("key_id", keyId).increment(dollars(usd)));
  }
}
