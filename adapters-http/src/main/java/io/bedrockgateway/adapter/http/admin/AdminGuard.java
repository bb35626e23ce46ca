package io.bedrockgateway.adapter.http.admin;

import io.bedrockgateway.adapter.http.common.ErrorReply;
import io.bedrockgateway.adapter.http.common.ErrorReply.StreamErrorType;
import io.bedrockgateway.adapter.http.common.HttpRefusal;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises the operator on the admin listener: the admin token in {@code X-Admin-Token} or as
 * {@code Authorization: Bearer}. Without a configured {@code ADMIN_TOKEN} the admin API is off. The
 * public listener never consults it: there the admin token is no key at all.
 */
public final class AdminGuard {
  static final String X_ADMIN_TOKEN = "X-Admin-Token";
  private static final String BEARER = "bearer ";

  private final Optional<AdminToken> token;

  AdminGuard(Optional<AdminToken> token) {
    this.token = token;
  }

  /** {@code handler}, run only for the operator. */
  Handler guard(Handler handler) {
    return ctx -> {
      require(ctx);
      handler.handle(ctx);
    };
  }

  /** Lets the operator through and refuses everyone else. */
  void require(Context ctx) {
    AdminToken expected =
        token.orElseThrow(
            () ->
                refusal(
                    403,
                    "Forbidden",
                    "The admin API is disabled: start the gateway with ADMIN_TOKEN set."));
    Optional<String> presented = presented(ctx);
    if (presented.isEmpty()) {
      throw refusal(
          401,
          "Admin token required",
          "Send the admin token as Authorization: Bearer <token> or in X-Admin-Token.");
    }
    if (!expected.matches(presented.get())) {
      throw refusal(401, "Invalid admin token", "The admin token is not valid.");
    }
  }

  private static Optional<String> presented(Context ctx) {
    return Optional.ofNullable(ctx.header(X_ADMIN_TOKEN))
        .map(String::strip)
        .filter(value -> !value.isEmpty())
        .or(() -> bearer(ctx));
  }

  private static Optional<String> bearer(Context ctx) {
    return Optional.ofNullable(ctx.header(Header.AUTHORIZATION))
        .map(String::strip)
        .filter(value -> value.toLowerCase(Locale.ROOT).startsWith(BEARER))
        .map(value -> value.substring(BEARER.length()).strip())
        .filter(value -> !value.isEmpty());
  }

  private static HttpRefusal refusal(int status, String error, String detail) {
    return new HttpRefusal(ErrorReply.of(status, error, detail, StreamErrorType.CLIENT_ERROR));
  }
}
