package io.bedrockgateway.adapter.http.bedrock;

import io.bedrockgateway.adapter.http.common.ErrorReply;
import io.bedrockgateway.adapter.http.common.ErrorShape;
import io.bedrockgateway.domain.error.BatchItemFailed;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.DependencyUnavailable;
import io.bedrockgateway.domain.error.Forbidden;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.error.NotFound;
import io.bedrockgateway.domain.error.PayloadTooLarge;
import io.bedrockgateway.domain.error.RateLimited;
import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.error.UnknownModel;
import io.bedrockgateway.domain.error.UpstreamFailed;
import io.bedrockgateway.domain.error.UpstreamRejected;
import io.bedrockgateway.domain.error.UpstreamThrottled;
import io.bedrockgateway.domain.error.UpstreamTimeout;
import io.bedrockgateway.domain.error.UpstreamUnavailable;
import io.bedrockgateway.domain.request.RequestId;
import io.javalin.http.Context;

/**
 * Bedrock Runtime's error shape (restJson1), which the AWS SDKs turn into their typed exceptions:
 * the error code in {@code x-amzn-ErrorType} (e.g. {@code ThrottlingException}), the request id in
 * {@code x-amzn-RequestId}, and {@code {"message":"..."}} as the body.
 */
final class BedrockErrors implements ErrorShape {
  static final String ERROR_TYPE = "x-amzn-ErrorType";
  static final String REQUEST_ID = "x-amzn-RequestId";

  static final String VALIDATION = "ValidationException";
  static final String THROTTLING = "ThrottlingException";
  static final String SERVICE_UNAVAILABLE = "ServiceUnavailableException";
  static final String INTERNAL_SERVER = "InternalServerException";
  static final String MODEL_STREAM_ERROR = "modelStreamErrorException";

  record Message(String message) {}

  @Override
  public void write(Context ctx, ErrorReply reply, RequestId requestId) {
    ctx.header(ERROR_TYPE, errorCode(reply));
    ctx.header(REQUEST_ID, requestId.value());
    ctx.json(new Message(reply.detail()));
  }

  /**
   * The exception an AWS SDK raises for {@code reply}, by the failure behind it if there is one.
   */
  static String errorCode(ErrorReply reply) {
    return reply.failure().map(BedrockErrors::errorCode).orElseGet(() -> byStatus(reply.status()));
  }

  private static String errorCode(GatewayException failure) {
    return switch (failure) {
      case InvalidRequest invalid -> VALIDATION;
      case PayloadTooLarge tooLarge -> VALIDATION;
      case UpstreamRejected rejected -> VALIDATION;
      case Unauthorized unauthorized -> "UnrecognizedClientException";
      case Forbidden forbidden -> "AccessDeniedException";
      case RateLimited limited -> THROTTLING;
      case UpstreamThrottled throttled -> THROTTLING;
      case UnknownModel unknown -> "ResourceNotFoundException";
      case NotFound notFound -> "ResourceNotFoundException";
      case UpstreamUnavailable unavailable -> SERVICE_UNAVAILABLE;
      case DependencyUnavailable unavailable -> SERVICE_UNAVAILABLE;
      case UpstreamTimeout timeout -> "ModelTimeoutException";
      case UpstreamFailed upstreamFailed -> INTERNAL_SERVER;
      case ClientCancelled cancelled -> VALIDATION;
      case BatchItemFailed item -> errorCode(item.failure());
    };
  }

  /** What the edge itself refused: a route Bedrock does not have, a body too slow or too large. */
  private static String byStatus(int status) {
    return switch (status) {
      case 401 -> "UnrecognizedClientException";
      case 403 -> "AccessDeniedException";
      case 404, 405 -> "UnknownOperationException";
      case 429 -> THROTTLING;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status < 500 ? VALIDATION : INTERNAL_SERVER;
    };
  }

  /**
   * The {@code :exception-type} of an exception frame ending a stream that began: the members
   * Bedrock's ConverseStream and InvokeModelWithResponseStream outputs model, in camelCase. A model
   * call that failed under way is the model's stream error, as Bedrock reports it.
   */
  static String streamExceptionType(ErrorReply reply) {
    if (reply.failure().filter(UpstreamFailed.class::isInstance).isPresent()) {
      return MODEL_STREAM_ERROR;
    }
    return switch (errorCode(reply)) {
      case VALIDATION -> "validationException";
      case THROTTLING -> "throttlingException";
      case SERVICE_UNAVAILABLE -> "serviceUnavailableException";
      case INTERNAL_SERVER -> "internalServerException";
      default -> MODEL_STREAM_ERROR;
    };
  }
}
