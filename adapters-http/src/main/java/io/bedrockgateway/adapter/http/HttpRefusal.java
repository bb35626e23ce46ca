package io.bedrockgateway.adapter.http;

/** A refusal decided by the HTTP edge itself (the admin token), answered as {@link #reply}. */
final class HttpRefusal extends RuntimeException {
  private final transient ErrorReply reply;

  HttpRefusal(ErrorReply reply) {
    super(reply.detail(), null, false, false);
    this.reply = reply;
  }

  ErrorReply reply() {
    return reply;
  }
}
