package io.bedrockgateway.adapter.http.common;

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
import io.bedrockgateway.domain.quota.RateLimitStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the caller is told about a failure: the status and short error before the response began,
 * and the event type once a stream is under way.
 *
 * @param limit the wire name of the limit that denied the request, for 429s of our own
 * @param failure the gateway failure answered, for surfaces whose error codes tell failures apart
 */
public record ErrorReply(
    int status,
    String error,
    String detail,
    StreamErrorType streamErrorType,
    Optional<Duration> retryAfter,
    Optional<String> limit,
    Optional<RateLimitStatus> rateLimit,
    Optional<GatewayException> failure) {

  public static final int CLIENT_CLOSED_REQUEST = 499;

  /** The {@code type} of an error event inside a stream, as clients of the earlier gateway know. */
  public enum StreamErrorType {
    CLIENT_ERROR("client_error"),
    STREAM_ERROR("stream_error"),
    UNEXPECTED_ERROR("unexpected_error");

    private final String wireName;

    StreamErrorType(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public ErrorReply {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(streamErrorType, "streamErrorType");
    Objects.requireNonNull(retryAfter, "retryAfter");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(failure, "failure");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 4xx or 5xx, was " + status);
    }
  }

  public static ErrorReply of(
      int status, String error, String detail, StreamErrorType streamErrorType) {
    return new ErrorReply(
        status,
        error,
        detail,
        streamErrorType,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** The one place that decides how each gateway failure is answered. */
  public static ErrorReply of(GatewayException failure) {
    return statusOf(failure).withFailure(failure);
  }

  private static ErrorReply statusOf(GatewayException failure) {
    String detail = failure.getMessage();
    return switch (failure) {
      case InvalidRequest invalid ->
          of(400, "Invalid request", detail, StreamErrorType.CLIENT_ERROR);
      case PayloadTooLarge tooLarge ->
          of(413, "Payload too large", detail, StreamErrorType.CLIENT_ERROR);
      case Unauthorized unauthorized ->
          of(
              401,
              switch (unauthorized.reason()) {
                case MISSING_KEY -> "API key required";
                case INVALID_KEY -> "Invalid API key";
              },
              detail,
              StreamErrorType.CLIENT_ERROR);
      case Forbidden forbidden -> of(403, "Forbidden", detail, StreamErrorType.CLIENT_ERROR);
      case RateLimited limited ->
          new ErrorReply(
              429,
              "Rate limit exceeded",
              detail,
              StreamErrorType.CLIENT_ERROR,
              Optional.of(limited.retryAfter()),
              Optional.of(limited.limit().wireName()),
              limited.status(),
              Optional.empty());
      case UpstreamRejected rejected ->
          of(400, "Rejected by the model", detail, StreamErrorType.CLIENT_ERROR);
      case UnknownModel unknown -> of(404, "Unknown model", detail, StreamErrorType.CLIENT_ERROR);
      case UpstreamThrottled throttled ->
          new ErrorReply(
              429,
              "Model is throttling requests",
              detail,
              StreamErrorType.STREAM_ERROR,
              Optional.of(throttled.retryAfter()),
              Optional.empty(),
              Optional.empty(),
              Optional.empty());
      case UpstreamUnavailable unavailable ->
          of(503, "Model unavailable", detail, StreamErrorType.STREAM_ERROR);
      case UpstreamTimeout timeout ->
          of(504, "Model timed out", detail, StreamErrorType.STREAM_ERROR);
      case UpstreamFailed upstreamFailed ->
          of(502, "Model call failed", detail, StreamErrorType.STREAM_ERROR);
      case DependencyUnavailable unavailable ->
          of(503, "Service unavailable", detail, StreamErrorType.STREAM_ERROR);
      case NotFound notFound -> of(404, "Not Found", detail, StreamErrorType.CLIENT_ERROR);
      case ClientCancelled cancelled ->
          of(CLIENT_CLOSED_REQUEST, "Client closed request", detail, StreamErrorType.CLIENT_ERROR);
      case BatchItemFailed item -> statusOf(item.failure()).withDetail(detail);
    };
  }

  public ErrorReply withDetail(String newDetail) {
    return new ErrorReply(
        status, error, newDetail, streamErrorType, retryAfter, limit, rateLimit, failure);
  }

  private ErrorReply withFailure(GatewayException cause) {
    return new ErrorReply(
        status, error, detail, streamErrorType, retryAfter, limit, rateLimit, Optional.of(cause));
  }

  /** Whole seconds to wait, rounded up and at least 1, as {@code Retry-After} wants. */
  public Optional<Long> retryAfterSeconds() {
    return retryAfter.map(wait -> Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0)));
  }
}
