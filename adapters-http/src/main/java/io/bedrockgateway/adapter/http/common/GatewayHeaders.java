package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Headers of the gateway's API that Javalin does not name. */
public final class GatewayHeaders {
  public static final String X_API_KEY = "X-API-Key";
  public static final String RATE_LIMIT_LIMIT = "X-RateLimit-Limit";
  public static final String RATE_LIMIT_REMAINING = "X-RateLimit-Remaining";
  public static final String RATE_LIMIT_RESET = "X-RateLimit-Reset";
  public static final String X_ACCEL_BUFFERING = "X-Accel-Buffering";
  public static final String SERVED_MODEL = "X-Gateway-Served-Model";
  public static final String OVERHEAD_MS = "X-Gateway-Overhead-Ms";

  /** Response headers a browser client may read (CORS). */
  public static final List<String> EXPOSED =
      List.of(
          io.javalin.http.Header.X_REQUEST_ID,
          io.javalin.http.Header.RETRY_AFTER,
          RATE_LIMIT_LIMIT,
          RATE_LIMIT_REMAINING,
          RATE_LIMIT_RESET,
          SERVED_MODEL,
          OVERHEAD_MS);

  private GatewayHeaders() {}

  public static void rateLimit(Context ctx, RateLimitStatus status) {
    ctx.header(RATE_LIMIT_LIMIT, Long.toString(status.limit()));
    ctx.header(RATE_LIMIT_REMAINING, Long.toString(status.remaining()));
    ctx.header(RATE_LIMIT_RESET, Long.toString(epochSecondsRoundedUp(status.resetAt())));
  }

  /** The model that answered: with a fallback chain, not always the one asked for. */
  public static void servedModel(Context ctx, ModelId model) {
    ctx.header(SERVED_MODEL, model.value());
  }

  /**
   * The gateway's own time so far, in milliseconds: the time since the request arrived less the
   * time spent waiting on the model.
   */
  public static void overhead(Context ctx, Duration upstreamTime, Clock clock) {
    Duration total = Duration.between(RequestStamp.of(ctx).receivedAt(), clock.instant());
    Duration own = total.minus(upstreamTime);
    double millis = Math.max(0, own.toNanos()) / 1e6;
    ctx.header(OVERHEAD_MS, String.format(Locale.ROOT, "%.3f", millis));
  }

  /**
   * The headers of every answered model call: the key's limits ({@link #rateLimit}), the model that
   * answered ({@link #servedModel}) and the gateway's own time ({@link #overhead}).
   */
  public static void answered(
      Context ctx,
      Optional<RateLimitStatus> rateLimit,
      ModelId servedModel,
      Duration upstreamTime,
      Clock clock) {
    rateLimit.ifPresent(status -> rateLimit(ctx, status));
    servedModel(ctx, servedModel);
    overhead(ctx, upstreamTime, clock);
  }

  private static long epochSecondsRoundedUp(Instant instant) {
    return instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
  }
}
