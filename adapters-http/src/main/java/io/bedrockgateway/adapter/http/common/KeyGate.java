package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.application.port.in.AuthenticateUseCase;
import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.key.Principal;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.util.Optional;

/**
 * Lets a request in only with a valid API key, checked from its headers before anything of its body
 * is read. A refused request is answered 401 at once and its connection closed, so an
 * unauthenticated client cannot make the gateway read, hold or parse a body.
 */
public final class KeyGate {
  private static final String CALLER = KeyGate.class.getName() + ".caller";

  private final AuthenticateUseCase authenticate;

  public KeyGate(AuthenticateUseCase authenticate) {
    this.authenticate = authenticate;
  }

  /** {@code handler}, run only for an authenticated caller. */
  public Handler guard(Handler handler) {
    return ctx -> {
      admit(ctx);
      handler.handle(ctx);
    };
  }

  private void admit(Context ctx) {
    try {
      ctx.attribute(CALLER, authenticate.authenticate(ApiKeyHeaders.from(ctx)));
    } catch (Unauthorized refused) {
      // the body, however large, is never read: the connection ends with the answer
      ctx.header(Header.CONNECTION, "close");
      throw refused;
    }
  }

  /** The authenticated caller of a guarded request. */
  public static Principal caller(Context ctx) {
    return callerIfAny(ctx)
        .orElseThrow(() -> new IllegalStateException("the route is not guarded by a key"));
  }

  /** The caller, once its key was accepted; empty before, or when it was refused. */
  public static Optional<Principal> callerIfAny(Context ctx) {
    return Optional.ofNullable(ctx.attribute(CALLER));
  }
}
