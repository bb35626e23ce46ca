package io.bedrockgateway.adapter.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bedrockgateway.adapter.http.ErrorReply.StreamErrorType;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.request.RequestId;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every failure that ends a request before its response began with a real status and {@code
 * {"error","detail","request_id"}}.
 */
final class ErrorResponder {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

  record ErrorBody(
      String error,
      String detail,
      @JsonProperty("request_id") String requestId,
      @JsonProperty("retry_after") Long retryAfter,
      String limit) {}

  void gatewayFailure(GatewayException failure, Context ctx) {
    LOG.debug("request {} failed: {}", requestId(ctx), failure.kind());
    write(ctx, ErrorReply.of(failure));
  }

  void refusal(HttpRefusal refusal, Context ctx) {
    write(ctx, refusal.reply());
  }

  /** Javalin's own answers: unknown route, wrong method. */
  void javalinResponse(HttpResponseException response, Context ctx) {
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

  void unexpected(Exception failure, Context ctx) {
    LOG.error("request {} failed unexpectedly", requestId(ctx), failure);
    write(ctx, unexpectedReply());
  }

  static ErrorReply unexpectedReply() {
    return ErrorReply.of(
        500,
        "Internal server error",
        "The gateway failed unexpectedly; the request id identifies the failure in its logs.",
        StreamErrorType.UNEXPECTED_ERROR);
  }

  private static void write(Context ctx, ErrorReply reply) {
    reply
        .retryAfterSeconds()
        .ifPresent(seconds -> ctx.header(Header.RETRY_AFTER, Long.toString(seconds)));
    reply.rateLimit().ifPresent(status -> GatewayHeaders.rateLimit(ctx, status));
    ctx.status(reply.status())
        .json(
            new ErrorBody(
                reply.error(),
                reply.detail(),
                requestId(ctx).value(),
                reply.retryAfterSeconds().orElse(null),
                reply.limit().orElse(null)));
  }

  private static RequestId requestId(Context ctx) {
    return RequestStamp.of(ctx).requestId();
  }
}
