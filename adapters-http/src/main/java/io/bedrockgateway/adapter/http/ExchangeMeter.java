package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.MetricsUseCase;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.time.Duration;

/** Records every answered request by method, route template (never the raw path) and status. */
final class ExchangeMeter {
  /** The route of a request no endpoint matched: one series for every unknown path. */
  static final String UNMATCHED = "unmatched";

  private final MetricsUseCase metrics;
  private final Clock clock;

  ExchangeMeter(MetricsUseCase metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  void record(Context ctx) {
    metrics.exchanged(
        ctx.method().name(),
        route(ctx),
        ctx.statusCode(),
        Duration.between(RequestStamp.of(ctx).receivedAt(), clock.instant()));
  }

  static String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
    return endpoint == null ? UNMATCHED : endpoint.path;
  }
}
