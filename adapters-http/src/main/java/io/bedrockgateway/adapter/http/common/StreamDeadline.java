package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.domain.error.ClientCancelled;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * What every streamed answer shares, whatever its framing: how long it may last, and how its 200
 * goes out with the first event, unbuffered.
 */
public final class StreamDeadline {
  private final long deadlineNanos;
  private boolean overran;

  /**
   * @param maxDuration how long the whole stream may last; {@link #check} after it ends the stream,
   *     and with it the model's answer
   */
  public StreamDeadline(Duration maxDuration) {
    this.deadlineNanos = System.nanoTime() + maxDuration.toNanos();
  }

  /** Ends the stream, as a departed client would, once it has lasted longer than it may. */
  public void check() {
    if (System.nanoTime() - deadlineNanos > 0) {
      overran = true;
      throw new ClientCancelled(new IllegalStateException("the stream ran out of time"));
    }
  }

  /** Whether the stream was ended because it lasted longer than it may. */
  public boolean overran() {
    return overran;
  }

  /**
   * Commits the 200 of a stream of {@code contentType}, uncached and unbuffered by proxies, and
   * returns the servlet's own stream: Javalin's may compress, which buffers.
   */
  public static OutputStream begin(Context ctx, String contentType) throws IOException {
    ctx.status(200);
    ctx.contentType(contentType);
    ctx.header(Header.CACHE_CONTROL, "no-cache");
    ctx.header(GatewayHeaders.X_ACCEL_BUFFERING, "no");
    return ctx.res().getOutputStream();
  }
}
