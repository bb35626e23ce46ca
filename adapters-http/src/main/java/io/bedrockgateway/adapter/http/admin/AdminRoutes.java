package io.bedrockgateway.adapter.http.admin;

import io.bedrockgateway.adapter.http.common.HealthHandlers;
import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.application.port.in.ManageKeysUseCase;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.Optional;

/**
 * The operator's API under {@code /admin/v1} on the admin listener, behind the admin token: keys,
 * health detail, and everyone's usage (whose handlers the caller passes, as the native API words
 * usage).
 */
public final class AdminRoutes {
  private static final String ADMIN = "/admin/v1";
  private static final String KEYS = ADMIN + "/keys";

  private AdminRoutes() {}

  public static void register(
      JavalinConfig config,
      Optional<AdminToken> token,
      ManageKeysUseCase manageKeys,
      JsonBodyReader bodies,
      HealthHandlers health,
      Handler usage,
      Handler stats,
      Clock clock) {
    AdminGuard admin = new AdminGuard(token);
    AdminHandlers keys = new AdminHandlers(manageKeys, bodies, clock);
    config.routes.get(ADMIN + "/health", admin.guard(health::detail));
    config.routes.get(ADMIN + "/usage", admin.guard(usage));
    config.routes.get(ADMIN + "/stats", admin.guard(stats));
    config.routes.post(KEYS, admin.guard(keys::create));
    config.routes.get(KEYS, admin.guard(keys::list));
    config.routes.get(KEYS + "/{id}", admin.guard(keys::get));
    config.routes.patch(KEYS + "/{id}", admin.guard(keys::update));
    config.routes.post(KEYS + "/{id}/revoke", admin.guard(keys::revoke));
    config.routes.post(KEYS + "/{id}/rotate", admin.guard(keys::rotate));
  }
}
