package io.bedrockgateway.adapter.http.anthropic;

import io.bedrockgateway.adapter.http.common.ErrorReply;
import io.bedrockgateway.adapter.http.common.ErrorShape;
import io.bedrockgateway.domain.request.RequestId;
import io.javalin.http.Context;

/**
 * Anthropic's error shape, which its SDKs turn into their typed exceptions: {@code
 * {"type":"error","error":{"type":"rate_limit_error","message":"..."}}}, with the request id in
 * {@code request-id}; the status and an integer {@code retry-after} are set before.
 */
final class AnthropicErrors implements ErrorShape {
  record Body(String type, Detail error) {}

  record Detail(String type, String message) {}

  @Override
  public void write(Context ctx, ErrorReply reply, RequestId requestId) {
    ctx.header("request-id", requestId.value());
    ctx.json(body(reply));
  }

  static Body body(ErrorReply reply) {
    return new Body("error", new Detail(errorType(reply.status()), reply.detail()));
  }

  /** Anthropic's error types, by status. */
  static String errorType(int status) {
    return switch (status) {
      case 400, 408, 422 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404, 405 -> "not_found_error";
      case 413 -> "request_too_large";
      case 429 -> "rate_limit_error";
      case 503, 529 -> "overloaded_error";
      default -> status < 500 ? "invalid_request_error" : "api_error";
    };
  }
}
