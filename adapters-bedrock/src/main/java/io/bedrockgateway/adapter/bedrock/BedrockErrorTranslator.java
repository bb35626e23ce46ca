package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.error.UpstreamFailed;
import io.bedrockgateway.domain.error.UpstreamRejected;
import io.bedrockgateway.domain.error.UpstreamThrottled;
import io.bedrockgateway.domain.error.UpstreamTimeout;
import io.bedrockgateway.domain.error.UpstreamUnavailable;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ConflictException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * The one place where SDK failures become {@link GatewayException}s. The vendor exception is logged
 * here with its AWS request id and never attached, so no SDK type leaves the adapter.
 */
final class BedrockErrorTranslator {

  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(BedrockErrorTranslator.class);
  private static final int MAX_CAUSE_DEPTH = 16;

  private BedrockErrorTranslator() {}

  static GatewayException translate(Throwable failure, ModelId model) {
    Throwable cause = unwrap(failure);
    GatewayException translated =
        switch (cause) {
          case ThrottlingException e -> throttled(e, model);
          case ServiceQuotaExceededException e -> throttled(e, model);
          case ValidationException e -> new UpstreamRejected(bedrockMessage(e));
          case ConflictException e -> new UpstreamRejected(bedrockMessage(e));
          case ResourceNotFoundException e -> modelNotFound(e, model);
          case AccessDeniedException e -> accessDenied(model);
          case ModelTimeoutException e -> new UpstreamTimeout(bedrockMessage(e));
          case ServiceUnavailableException e -> new UpstreamUnavailable(bedrockMessage(e));
          case ModelNotReadyException e -> new UpstreamUnavailable(bedrockMessage(e));
          case InternalServerException e -> new UpstreamFailed(bedrockMessage(e));
          case ModelStreamErrorException e -> new UpstreamFailed(bedrockMessage(e));
          case ModelErrorException e -> new UpstreamFailed(bedrockMessage(e));
          case AwsServiceException e -> byStatus(e, model);
          case ApiCallTimeoutException e -> timedOut(model);
          case ApiCallAttemptTimeoutException e -> timedOut(model);
          default -> byClientCause(cause, model);
        };
    log(translated, cause, model);
    return translated;
  }

  /** Error codes this SDK version does not model, judged by their HTTP status. */
  private static GatewayException byStatus(AwsServiceException e, ModelId model) {
    int status = e.statusCode();
    if (status == 429) {
      return throttled(e, model);
    }
    if (status == 401 || status == 403) {
      return new UpstreamFailed(
          "Bedrock refused the gateway's AWS credentials ("
              + bedrockMessage(e)
              + "): check the identity the gateway runs with.");
    }
    if (status == 408 || status == 504) {
      return new UpstreamTimeout(bedrockMessage(e));
    }
    if (status == 502 || status == 503) {
      return new UpstreamUnavailable(bedrockMessage(e));
    }
    if (status >= 400 && status < 500) {
      return new UpstreamRejected(bedrockMessage(e));
    }
    return new UpstreamFailed(bedrockMessage(e));
  }

  /** Failures on the gateway's side of the wire: no connection, a timeout, a broken stream. */
  private static GatewayException byClientCause(Throwable failure, ModelId model) {
    List<Throwable> causes =
        Stream.iterate(failure, Objects::nonNull, Throwable::getCause)
            .limit(MAX_CAUSE_DEPTH)
            .toList();
    if (causes.stream().anyMatch(BedrockErrorTranslator::isUnreachable)) {
      return new UpstreamUnavailable("the gateway could not connect to Bedrock for " + model);
    }
    if (causes.stream().anyMatch(BedrockErrorTranslator::isTimeout)) {
      return timedOut(model);
    }
    return new UpstreamFailed("the call to Bedrock for " + model + " failed");
  }

  private static boolean isUnreachable(Throwable cause) {
    return cause instanceof ConnectException
        || cause instanceof UnknownHostException
        || cause instanceof NoRouteToHostException;
  }

  private static boolean isTimeout(Throwable cause) {
    return cause instanceof SocketTimeoutException || cause instanceof TimeoutException;
  }

  private static UpstreamThrottled throttled(AwsServiceException e, ModelId model) {
    return new UpstreamThrottled(
        "Bedrock is throttling requests for " + model + ": " + bedrockMessage(e), retryAfter(e));
  }

  private static UpstreamRejected modelNotFound(AwsServiceException e, ModelId model) {
    return new UpstreamRejected(
        "Bedrock does not know the model "
            + model
            + " in the gateway's region, or the gateway's account cannot see it: "
            + bedrockMessage(e));
  }

  private static UpstreamFailed accessDenied(ModelId model) {
    return new UpstreamFailed(
        "The gateway's AWS identity may not call "
            + model
            + ": grant it bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream on the"
            + " model (and, for an inference profile, on the profile and the models it routes to),"
            + " and check that model access is enabled in the Bedrock console.");
  }

  private static UpstreamTimeout timedOut(ModelId model) {
    return new UpstreamTimeout("Bedrock did not answer in time for " + model);
  }

  private static Duration retryAfter(AwsServiceException e) {
    if (e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null) {
      return DEFAULT_RETRY_AFTER;
    }
    return e.awsErrorDetails()
        .sdkHttpResponse()
        .firstMatchingHeader("Retry-After")
        .flatMap(BedrockErrorTranslator::seconds)
        .orElse(DEFAULT_RETRY_AFTER);
  }

  private static Optional<Duration> seconds(String header) {
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      return Optional.empty();
    }
  }

  /** Bedrock's own sentence, without the SDK's "(Service: ..., Request ID: ...)" suffix. */
  private static String bedrockMessage(AwsServiceException e) {
    if (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null) {
      return e.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    int depth = 0;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null
        && depth++ < MAX_CAUSE_DEPTH) {
      current = current.getCause();
    }
    return current;
  }

  private static void log(GatewayException translated, Throwable cause, ModelId model) {
    String requestId = cause instanceof AwsServiceException e ? e.requestId() : "none";
    if (translated instanceof UpstreamFailed || translated instanceof UpstreamUnavailable) {
      LOG.warn(
          "Bedrock call for {} failed as {} (AWS request id {})",
          model,
          translated.kind(),
          requestId,
          cause);
    } else {
      LOG.debug(
          "Bedrock call for {} failed as {} (AWS request id {}): {}",
          model,
          translated.kind(),
          requestId,
          cause.toString());
    }
  }
}
