package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bedrockgateway.adapter.http.common.ErrorReply;
import io.bedrockgateway.adapter.http.common.ErrorShape;
import io.bedrockgateway.domain.error.BatchItemFailed;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.error.UnknownModel;
import io.bedrockgateway.domain.request.RequestId;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI's error body, {@code {"error":{"message","type","param","code"}}}, with the types and
 * codes the OpenAI SDKs map to their exceptions: 400 {@code invalid_request_error} naming the
 * offending field in {@code param}, 401 {@code invalid_api_key}, 403 {@code permission_error}, 404
 * {@code model_not_found}, 413, 429 {@code rate_limit_exceeded} (with {@code Retry-After}), 5xx
 * {@code api_error}. The gateway's request id is in the message, so a report can be traced.
 */
public final class OpenAiErrors implements ErrorShape {
  /**
   * A rejection message of the gateway starts with the field it names: {@code messages[1].role:
   * ...}.
   */
  private static final Pattern FIELD =
      Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*(?:\\[\\d+\\]|\\.[A-Za-z_][A-Za-z0-9_]*)*): ");

  /** OpenAI's error object. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Error(String message, String type, String param, String code) {}

  /** The body of an error answer, and of the error event that ends a failed stream. */
  record ErrorBody(Error error) {}

  @Override
  public void write(Context ctx, ErrorReply reply, RequestId requestId) {
    ctx.json(body(reply, requestId));
  }

  static ErrorBody body(ErrorReply reply, RequestId requestId) {
    return new ErrorBody(
        new Error(
            reply.detail() + " (request " + requestId.value() + ")",
            type(reply.status()),
            param(reply).orElse(null),
            code(reply).orElse(null)));
  }

  /** The field a 400 names, as OpenAI's {@code param}: the first part of the message. */
  static Optional<String> param(ErrorReply reply) {
    if (reply.status() != 400) {
      return Optional.empty();
    }
    Matcher field = FIELD.matcher(reply.detail());
    // the use cases name the model as the native API does
    return field.find()
        ? Optional.of(field.group(1).equals("model_id") ? "model" : field.group(1))
        : Optional.empty();
  }

  private static String type(int status) {
    return switch (status) {
      case 400, 408, 409, 413, 415, 422 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 429 -> "rate_limit_error";
      default -> status < 500 ? "invalid_request_error" : "api_error";
    };
  }

  private static Optional<String> code(ErrorReply reply) {
    Optional<GatewayException> failure =
        reply
            .failure()
            .map(cause -> cause instanceof BatchItemFailed item ? item.failure() : cause);
    if (failure.filter(Unauthorized.class::isInstance).isPresent()) {
      return Optional.of(
          ((Unauthorized) failure.get()).reason() == Unauthorized.Reason.MISSING_KEY
              ? "missing_api_key"
              : "invalid_api_key");
    }
    if (failure.filter(UnknownModel.class::isInstance).isPresent()) {
      return Optional.of("model_not_found");
    }
    return switch (reply.status()) {
      case 401 -> Optional.of("invalid_api_key");
      case 403 -> Optional.of("permission_denied");
      case 404 -> Optional.of("not_found");
      case 413 -> Optional.of("request_too_large");
      case 429 -> Optional.of("rate_limit_exceeded");
      case 400 -> Optional.of("invalid_request");
      default -> reply.status() >= 500 ? Optional.of("server_error") : Optional.empty();
    };
  }
}
