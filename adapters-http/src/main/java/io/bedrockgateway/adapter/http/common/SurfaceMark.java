package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.domain.request.ApiSurface;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;

/**
 * Marks the requests under a surface's paths with that surface, before anything else looks at them:
 * their failures are answered in its {@link ErrorShape}, and their usage records name it.
 */
public final class SurfaceMark {
  private static final String SURFACE = SurfaceMark.class.getName() + ".surface";
  private static final String SHAPE = SurfaceMark.class.getName() + ".shape";

  private SurfaceMark() {}

  /** Claims {@code path} (a Javalin path, e.g. {@code /v1/*}) for {@code surface}. */
  public static void claim(
      JavalinConfig config, String path, ApiSurface surface, ErrorShape errors) {
    Handler mark = ctx -> mark(ctx, surface, errors);
    config.routes.before(path, mark);
  }

  /**
   * Marks one request, from its route's own handler: a surface whose paths lie under another's
   * wider claim (e.g. {@code /v1/messages} under {@code /v1/*}) is then marked whatever the order
   * the claims were made in.
   */
  public static void mark(Context ctx, ApiSurface surface, ErrorShape errors) {
    ctx.attribute(SURFACE, surface);
    ctx.attribute(SHAPE, errors);
  }

  /** The surface of a marked request; the native API's otherwise. */
  public static ApiSurface surface(Context ctx) {
    ApiSurface surface = ctx.attribute(SURFACE);
    return surface == null ? ApiSurface.NATIVE : surface;
  }

  /** The error shape of a marked request, if it was marked. */
  static Optional<ErrorShape> errorShape(Context ctx) {
    return Optional.ofNullable(ctx.attribute(SHAPE));
  }
}
