package io.bedrockgateway.adapter.http.console;

import io.bedrockgateway.domain.error.NotFound;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/**
 * The operator console on the admin listener: {@code /console/} is its page, {@code
 * /console/<asset>} its scripts, styles and the chart library. The page holds no data: it signs in
 * with the admin token and reads everything from the admin API, as curl would. Every answer forbids
 * framing and inline script, and is revalidated by its ETag.
 */
public final class ConsoleHandler {
  /** Where the console lives on the admin listener. */
  public static final String PATH = "/console";

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
          + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final String PAGE = "index.html";

  private final ConsoleAssets assets;

  ConsoleHandler(ConsoleAssets assets) {
    this.assets = Objects.requireNonNull(assets, "assets");
  }

  /** The console as shipped in the jar. */
  public static ConsoleHandler fromClasspath() {
    return new ConsoleHandler(ConsoleAssets.fromClasspath());
  }

  /**
   * {@code /console} (with or without the slash, which the router ignores): the page, from {@code
   * /console/} so that its relative links resolve under it.
   */
  public void page(Context ctx) {
    if (!ctx.path().endsWith("/")) {
      secure(ctx);
      ctx.redirect(PATH + "/", HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    serve(ctx, PAGE);
  }

  /** {@code /console/<asset>}: one of the console's files, or 404. */
  public void asset(Context ctx) {
    serve(ctx, ctx.pathParam("asset"));
  }

  private void serve(Context ctx, String name) {
    secure(ctx);
    ConsoleAsset asset =
        assets
            .find(name)
            .orElseThrow(
                () ->
                    new NotFound("The console has no file " + ConsoleAssets.printable(name) + "."));
    ctx.header(Header.ETAG, asset.etag());
    ctx.header(Header.CACHE_CONTROL, "no-cache");
    if (asset.etag().equals(ctx.header(Header.IF_NONE_MATCH))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(asset.contentType()).result(asset.bytes());
  }

  private static void secure(Context ctx) {
    ctx.header(Header.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
    ctx.header(Header.X_FRAME_OPTIONS, "DENY");
    ctx.header(Header.X_CONTENT_TYPE_OPTIONS, "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
  }
}
