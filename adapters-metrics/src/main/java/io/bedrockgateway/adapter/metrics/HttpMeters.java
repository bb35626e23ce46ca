package io.bedrockgateway.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Requests as the HTTP API saw them: by method, route template and status. */
final class HttpMeters {
  private final Meter.MeterProvider<Counter> requests;
  private final Meter.MeterProvider<Timer> duration;
  private final Meter.MeterProvider<Counter> unauthenticated;

  HttpMeters(MeterRegistry registry) {
    this.requests =
        Counter.builder("bedrock.gateway.http.requests")
            .description("HTTP requests answered, by method, route template and status")
            .withRegistry(registry);
    this.duration =
        Timer.builder("bedrock.gateway.http.request.duration")
            .description("Time from arrival to the end of the answer, by method and route template")
            .serviceLevelObjectives(Buckets.LATENCY)
            .withRegistry(registry);
    this.unauthenticated =
        Counter.builder("bedrock.gateway.unauthenticated.requests")
            .description("Requests refused for their key before their body was read, by reason")
            .withRegistry(registry);
  }

  void unauthenticated(String reason) {
    unauthenticated.withTags("reason", reason).increment();
  }

  void exchange(String method, String route, int status, Duration took) {
    requests
        .withTags("method", method, "route", route, "status", Integer.toString(status))
        .increment();
    duration.withTags("method", method, "route", route).record(took);
  }
}
