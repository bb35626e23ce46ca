package io.bedrockgateway.adapter.http.common;

/** A refusal decided by the HTTP edge itself (the admin token), answered as {@link #reply}. */
public final class HttpRefusal extends RuntimeException {
  private final transient ErrorReply reply;

  public HttpRefusal(ErrorReply reply) {
    super(reply.detail(), null, false, false);
    this.reply = reply;
  }

  public ErrorReply reply() {
    return reply;
  }
}
