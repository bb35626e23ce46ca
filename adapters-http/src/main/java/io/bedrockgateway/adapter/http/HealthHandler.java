package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.HealthReport;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /health}: public and cheap; 503 only when the gateway cannot serve. */
final class HealthHandler implements Handler {
  private final HealthUseCase health;

  record HealthBody(String status, Map<String, ServiceBody> services) {}

  record ServiceBody(String status, String detail) {}

  HealthHandler(HealthUseCase health) {
    this.health = health;
  }

  @Override
  public void handle(Context ctx) {
    HealthReport report = health.check();
    Map<String, ServiceBody> services = new TreeMap<>();
    report
        .dependencies()
        .forEach(
            (name, dependency) ->
                services.put(
                    name, new ServiceBody(dependency.up() ? "up" : "down", dependency.detail())));
    int status =
        switch (report.status()) {
          case HEALTHY, DEGRADED -> 200;
          case UNHEALTHY -> 503;
        };
    ctx.status(status)
        .json(new HealthBody(report.status().name().toLowerCase(Locale.ROOT), services));
  }
}
