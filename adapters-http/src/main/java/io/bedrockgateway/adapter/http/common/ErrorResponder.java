package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.adapter.http.common.ErrorReply.StreamErrorType;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.request.RequestId;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every failure that ends a request before its response began with a real status, in the
 * shape of the surface the request was made to: the {@link ErrorShape} a surface named for its
 * paths with {@link SurfaceMark}, else the listener's own.
 */
public final class ErrorResponder {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

  private final ErrorShape defaultShape;

  public ErrorResponder(ErrorShape defaultShape) {
    this.defaultShape = defaultShape;
  }

  public void gatewayFailure(GatewayException failure, Context ctx) {
    LOG.debug("request {} failed: {}", requestId(ctx), failure.kind());
    write(ctx, ErrorReply.of(failure));
  }

  public void refusal(HttpRefusal refusal, Context ctx) {
    write(ctx, refusal.reply());
  }

  /** Javalin's own answers: unknown route, wrong method. */
  public void javalinResponse(HttpResponseException response, Context ctx) {
    int status = response.getStatus();
    String detail =
        switch (status) {
          case 404 -> "There is no route " + ctx.method().name() + " " + ctx.path() + ".";
          case 405 -> methodNotAllowed(response, ctx);
          default -> response.getMessage();
        };
    write(
        ctx,
        ErrorReply.of(
            status,
            HttpStatus.forStatus(status).getMessage(),
            detail,
            StreamErrorType.CLIENT_ERROR));
  }

  private static String methodNotAllowed(HttpResponseException response, Context ctx) {
    String allowed = String.join(", ", response.getDetails().values());
    ctx.header(Header.ALLOW, allowed);
    return ctx.method().name() + " is not allowed on " + ctx.path() + "; use " + allowed + ".";
  }

  public void unexpected(Exception failure, Context ctx) {
    LOG.error("request {} failed unexpectedly", requestId(ctx), failure);
    write(ctx, unexpectedReply());
  }

  public static ErrorReply unexpectedReply() {
    return ErrorReply.of(
        500,
        "Internal server error",
        "The gateway failed unexpectedly; the request id identifies the failure in its logs.",
        StreamErrorType.UNEXPECTED_ERROR);
  }

  private void write(Context ctx, ErrorReply reply) {
    reply
        .retryAfterSeconds()
        .ifPresent(seconds -> ctx.header(Header.RETRY_AFTER, Long.toString(seconds)));
    reply.rateLimit().ifPresent(status -> GatewayHeaders.rateLimit(ctx, status));
    ctx.status(reply.status());
    SurfaceMark.errorShape(ctx).orElse(defaultShape).write(ctx, reply, requestId(ctx));
  }

  private static RequestId requestId(Context ctx) {
    return RequestStamp.of(ctx).requestId();
  }
}
