package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.Locale;
import java.util.Optional;

/** Finds the caller's key: {@code X-API-Key}, else {@code Authorization: Bearer <key>}. */
public final class ApiKeyHeaders {
  private static final String BEARER = "bearer ";

  private ApiKeyHeaders() {}

  /**
   * The key if one was sent. Whether it is known is the use case's business; one no key can look
   * like (e.g. longer than any key) is refused here as invalid.
   */
  public static Optional<ApiKeySecret> from(Context ctx) {
    return present(ctx.header(GatewayHeaders.X_API_KEY))
        .or(() -> bearerToken(ctx.header(Header.AUTHORIZATION)))
        .map(ApiKeyHeaders::secret);
  }

  private static Optional<String> bearerToken(String authorization) {
    return present(authorization)
        .filter(value -> value.toLowerCase(Locale.ROOT).startsWith(BEARER))
        .flatMap(value -> present(value.substring(BEARER.length())));
  }

  private static Optional<String> present(String header) {
    return Optional.ofNullable(header).map(String::strip).filter(value -> !value.isEmpty());
  }

  private static ApiKeySecret secret(String value) {
    try {
      return new ApiKeySecret(value);
    } catch (IllegalArgumentException malformed) {
      throw new Unauthorized(Unauthorized.Reason.INVALID_KEY);
    }
  }
}
