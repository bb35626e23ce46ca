package io.bedrockgateway.adapter.http.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bedrockgateway.application.port.in.HealthDetail;
import io.bedrockgateway.application.port.in.HealthReport;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Health for orchestrators and people: {@code /health} (public and cheap: status words only),
 * {@code /health/live} (the process is up), {@code /health/ready} (it can serve), and on the admin
 * listener the detail: each dependency's check, how long it took, and the usage backlog. Every
 * status but the liveness one is 503 exactly when the gateway cannot serve.
 */
public final class HealthHandlers {
  private final HealthUseCase health;

  public record HealthBody(String status, Map<String, StatusBody> services) {}

  public record StatusBody(String status) {}

  public record DetailBody(String status, Map<String, ServiceDetail> services, UsageBody usage) {}

  public record ServiceDetail(
      String status,
      boolean critical,
      String detail,
      @JsonProperty("latency_ms") double latencyMs) {}

  public record UsageBody(long queued, long spooled, long lost) {}

  public HealthHandlers(HealthUseCase health) {
    this.health = health;
  }

  /** Status words for anyone: nothing a dependency said, no paths, no timings. */
  public void summary(Context ctx) {
    HealthReport report = health.check();
    Map<String, StatusBody> services = new TreeMap<>();
    report
        .dependencies()
        .forEach(
            (name, dependency) -> services.put(name, new StatusBody(upOrDown(dependency.up()))));
    ctx.status(status(report)).json(new HealthBody(name(report), services));
  }

  public void live(Context ctx) {
    ctx.json(new StatusBody("alive"));
  }

  public void ready(Context ctx) {
    HealthReport report = health.check();
    ctx.status(status(report)).json(new StatusBody(name(report)));
  }

  /** The operator's view, on the admin listener. */
  public void detail(Context ctx) {
    HealthDetail detail = health.detail();
    HealthReport report = detail.report();
    Map<String, ServiceDetail> services = new TreeMap<>();
    report
        .dependencies()
        .forEach(
            (name, dependency) ->
                services.put(
                    name,
                    new ServiceDetail(
                        upOrDown(dependency.up()),
                        dependency.critical(),
                        dependency.detail(),
                        detail.checkTimes().get(name).toNanos() / 1e6)));
    ctx.status(status(report))
        .json(
            new DetailBody(
                name(report),
                services,
                new UsageBody(detail.usageQueued(), detail.usageSpooled(), detail.usageLost())));
  }

  private static String upOrDown(boolean up) {
    return up ? "up" : "down";
  }

  private static String name(HealthReport report) {
    return report.status().name().toLowerCase(Locale.ROOT);
  }

  private static int status(HealthReport report) {
    return switch (report.status()) {
      case HEALTHY, DEGRADED -> 200;
      case UNHEALTHY -> 503;
    };
  }
}
