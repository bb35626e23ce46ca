package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.application.port.in.MetricsUseCase;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What happens around every request: its id goes into the logging context as it starts, and as it
 * ends it is counted (by method, route template, never the raw path, and status) and logged in one
 * access line with its key id (never the key), model, status, latency and tokens.
 */
public final class RequestEnd {
  public static final String REQUEST_ID = "request_id";

  /** The route of a request no endpoint matched: one series for every unknown path. */
  public static final String UNMATCHED = "unmatched";

  private static final Logger ACCESS = LoggerFactory.getLogger("io.bedrockgateway.access");
  private static final String TOKENS = RequestEnd.class.getName() + ".tokens";
  private static final String NONE = "-";

  private final MetricsUseCase metrics;
  private final Clock clock;

  public RequestEnd(MetricsUseCase metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Puts the stamped request's id in the logging context of this (the request's) thread. */
  public static void begin(Context ctx) {
    MDC.put(REQUEST_ID, RequestStamp.of(ctx).requestId().value());
  }

  /** Notes the tokens the request used, for its access line. */
  public static void tokens(Context ctx, TokenUsage usage) {
    ctx.attribute(TOKENS, usage);
  }

  public void end(Context ctx) {
    String route = route(ctx);
    String method = ctx.method().name();
    int status = ctx.statusCode();
    Duration took = Duration.between(RequestStamp.of(ctx).receivedAt(), clock.instant());
    metrics.exchanged(method, route, status, took);
    TokenUsage tokens =
        Optional.ofNullable(ctx.<TokenUsage>attribute(TOKENS)).orElse(TokenUsage.NONE);
    double millis = took.toNanos() / 1e6;
    ACCESS
        .atInfo()
        .addKeyValue(REQUEST_ID, RequestStamp.of(ctx).requestId().value())
        .addKeyValue("key_id", keyId(ctx))
        .addKeyValue("method", method)
        .addKeyValue("route", route)
        .addKeyValue(
            "model",
            Optional.ofNullable(ctx.res().getHeader(GatewayHeaders.SERVED_MODEL)).orElse(NONE))
        .addKeyValue("status", status)
        .addKeyValue("latency_ms", millis)
        .addKeyValue("input_tokens", tokens.inputTokens())
        .addKeyValue("output_tokens", tokens.outputTokens())
        .log("{} {} {} {} ms", method, route, status, millis);
    MDC.remove(REQUEST_ID);
  }

  /** The id of the key that authenticated, and only of one that did. */
  private static String keyId(Context ctx) {
    return KeyGate.callerIfAny(ctx).map(caller -> caller.keyId().value()).orElse(NONE);
  }

  public static String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
    return endpoint == null ? UNMATCHED : endpoint.path;
  }
}
