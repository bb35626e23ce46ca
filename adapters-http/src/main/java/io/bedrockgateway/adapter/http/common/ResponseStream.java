package io.bedrockgateway.adapter.http.common;

/**
 * A streamed answer as the HTTP edge writes it, in whatever framing its surface uses (server-sent
 * events, AWS event-stream frames): whether its status went out, and how it tells a failure once it
 * has.
 */
public interface ResponseStream {
  /** Whether the 200 and the first event went out: a failure can no longer be a status. */
  boolean started();

  /** Whether the stream was ended because it lasted longer than it may. */
  boolean overran();

  /**
   * Ends a stream that already began with one error event in the surface's shape; a client that
   * already left is not told.
   */
  void sendError(ErrorReply reply);
}
