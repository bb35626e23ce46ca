package io.bedrockgateway.adapter.http.nativeapi;

import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.adapter.http.nativeapi.UsageJson.ReportJson;
import io.bedrockgateway.adapter.http.nativeapi.UsageJson.StatsJson;
import io.bedrockgateway.application.port.in.UsageReportCommand;
import io.bedrockgateway.application.port.in.UsageReportCommand.Viewer;
import io.bedrockgateway.application.port.in.UsageReportUseCase;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.UsageGrouping;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /usage} and {@code GET /stats}: on the admin listener the operator sees every key, on
 * the public one a key only its own usage.
 */
public final class UsageHandlers {
  static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
  static final Duration STATS_PERIOD = Duration.ofDays(7);

  private final UsageReportUseCase usage;
  private final Function<Context, Viewer> viewer;
  private final Clock clock;

  private UsageHandlers(UsageReportUseCase usage, Function<Context, Viewer> viewer, Clock clock) {
    this.usage = usage;
    this.viewer = viewer;
    this.clock = clock;
  }

  /** For the public listener: the caller's own key's usage. */
  static UsageHandlers ownUsage(UsageReportUseCase usage, Clock clock) {
    return new UsageHandlers(usage, ctx -> new Viewer.KeyHolder(KeyGate.caller(ctx)), clock);
  }

  /** For the admin listener: everyone's usage. */
  static UsageHandlers everyonesUsage(UsageReportUseCase usage, Clock clock) {
    return new UsageHandlers(usage, ctx -> new Viewer.Operator(), clock);
  }

  /**
   * {@code ?from=&to=&group_by=&key_id=&client_request_id=}: times or UTC dates ({@code to} as a
   * date includes that day); a key id keeps only that key's requests (a key holder may name only
   * its own); a client request id keeps only the requests that sent it as {@code X-Request-ID}.
   */
  public void usage(Context ctx) {
    Instant to = bound(ctx, "to", 1).orElseGet(clock::instant);
    Instant from = bound(ctx, "from", 0).orElseGet(() -> to.minus(DEFAULT_PERIOD));
    if (!from.isBefore(to)) {
      throw new InvalidRequest("from: must be before to");
    }
    UsageGrouping grouping =
        Optional.ofNullable(ctx.queryParam("group_by"))
            .map(
                name ->
                    UsageGrouping.fromWireName(name)
                        .orElseThrow(
                            () ->
                                new InvalidRequest(
                                    "group_by: must be one of "
                                        + Arrays.stream(UsageGrouping.values())
                                            .map(UsageGrouping::wireName)
                                            .collect(Collectors.joining(", ")))))
            .orElse(UsageGrouping.KEY);
    Optional<RequestId> clientRequestId = parameter(ctx, "client_request_id", RequestId::new);
    Optional<KeyId> key = parameter(ctx, "key_id", KeyId::new);
    ctx.json(
        ReportJson.of(
            usage.report(
                new UsageReportCommand(
                    viewer.apply(ctx), from, to, grouping, key, clientRequestId))));
  }

  /** The last seven days, in the earlier gateway's shape. */
  public void stats(Context ctx) {
    Instant now = clock.instant();
    ctx.json(
        StatsJson.of(
            usage.report(
                new UsageReportCommand(
                    viewer.apply(ctx), now.minus(STATS_PERIOD), now, UsageGrouping.KEY))));
  }

  /** An optional parameter as a value object; its guard's complaint names the parameter. */
  private static <T> Optional<T> parameter(
      Context ctx, String name, Function<String, T> construction) {
    return Optional.ofNullable(ctx.queryParam(name))
        .map(
            value -> {
              try {
                return construction.apply(value);
              } catch (IllegalArgumentException malformed) {
                throw new InvalidRequest(name + ": " + malformed.getMessage());
              }
            });
  }

  /** A time, or a UTC date meaning the start of that day plus {@code daysAfter} days. */
  private static Optional<Instant> bound(Context ctx, String name, int daysAfter) {
    return Optional.ofNullable(ctx.queryParam(name))
        .map(
            value -> {
              try {
                return value.contains("T")
                    ? Instant.parse(value)
                    : LocalDate.parse(value)
                        .plusDays(daysAfter)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
              } catch (DateTimeParseException malformed) {
                throw new InvalidRequest(
                    name + ": must be a date (2026-11-24) or a UTC time (2026-11-24T12:00:00Z)");
              }
            });
  }
}
