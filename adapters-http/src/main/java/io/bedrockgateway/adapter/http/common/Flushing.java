package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.domain.error.ClientCancelled;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * When a stream's writer flushes its body: after each write, so every event reaches the client as
 * it happens, except for events that arrived together, which are written {@link #together} and
 * flushed once, after the last of them (one write to the socket instead of one per event).
 */
public final class Flushing {
  private boolean held;

  /** Flushes {@code body} unless writes are being made together. */
  public void afterWrite(OutputStream body) throws IOException {
    if (!held) {
      body.flush();
    }
  }

  /**
   * Runs {@code writes} without flushing in between, then flushes the body once, if the stream
   * began. A client that left surfaces as {@link ClientCancelled}.
   */
  public void together(Runnable writes, Supplier<OutputStream> body) {
    if (held) {
      writes.run();
      return;
    }
    held = true;
    try {
      writes.run();
    } finally {
      held = false;
    }
    OutputStream begun = body.get();
    if (begun != null) {
      try {
        begun.flush();
      } catch (IOException e) {
        throw new ClientCancelled(e);
      }
    }
  }
}
