package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.error.UnknownModel;
import io.bedrockgateway.domain.error.UpstreamFailed;
import io.bedrockgateway.domain.error.UpstreamRejected;
import io.bedrockgateway.domain.error.UpstreamThrottled;
import io.bedrockgateway.domain.error.UpstreamTimeout;
import io.bedrockgateway.domain.error.UpstreamUnavailable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
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
 * The one place where SDK failures become {@link GatewayException}s, with whether the gateway may
 * try again. The vendor exception is logged here with its AWS request id and never attached, so no
 * SDK type leaves the adapter. The README's error table mirrors {@link Row}.
 */
final class BedrockErrorTranslator {

  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(BedrockErrorTranslator.class);
  private static final int MAX_CAUSE_DEPTH = 16;

  /** Each Bedrock error: the gateway error it becomes, and whether the gateway retries it. */
  enum Row {
    THROTTLING(ThrottlingException.class, true, BedrockErrorTranslator::throttled),
    MODEL_NOT_READY(
        ModelNotReadyException.class, true, (e, model) -> new UpstreamUnavailable(message(e))),
    SERVICE_UNAVAILABLE(
        ServiceUnavailableException.class, true, (e, model) -> new UpstreamUnavailable(message(e))),
    INTERNAL_SERVER(
        InternalServerException.class, true, (e, model) -> new UpstreamFailed(message(e))),
    SERVICE_QUOTA_EXCEEDED(
        ServiceQuotaExceededException.class, false, BedrockErrorTranslator::throttled),
    VALIDATION(ValidationException.class, false, (e, model) -> new UpstreamRejected(message(e))),
    CONFLICT(ConflictException.class, false, (e, model) -> new UpstreamRejected(message(e))),
    RESOURCE_NOT_FOUND(
        ResourceNotFoundException.class, false, BedrockErrorTranslator::unknownModel),
    ACCESS_DENIED(
        AccessDeniedException.class, false, (e, model) -> BedrockErrorTranslator.denied(model)),
    MODEL_TIMEOUT(
        ModelTimeoutException.class, false, (e, model) -> new UpstreamTimeout(message(e))),
    MODEL_ERROR(ModelErrorException.class, false, (e, model) -> new UpstreamFailed(message(e))),
    MODEL_STREAM_ERROR(
        ModelStreamErrorException.class, false, (e, model) -> new UpstreamFailed(message(e)));

    private final Class<? extends AwsServiceException> type;
    private final boolean retryable;
    private final BiFunction<AwsServiceException, ModelId, GatewayException> translation;

    Row(
        Class<? extends AwsServiceException> type,
        boolean retryable,
        BiFunction<AwsServiceException, ModelId, GatewayException> translation) {
      this.type = type;
      this.retryable = retryable;
      this.translation = translation;
    }

    static Optional<Row> of(Throwable failure) {
      return Arrays.stream(values()).filter(row -> row.type.isInstance(failure)).findFirst();
    }

    TargetFailure translate(AwsServiceException failure, ModelId model) {
      return new TargetFailure(translation.apply(failure, model), retryable, false);
    }
  }

  private BedrockErrorTranslator() {}

  static TargetFailure translate(Throwable failure, ModelId model) {
    Throwable cause = unwrap(failure);
    TargetFailure translated =
        switch (cause) {
          case AwsServiceException e ->
              Row.of(e).map(row -> row.translate(e, model)).orElseGet(() -> byStatus(e, model));
          case ApiCallTimeoutException e -> new TargetFailure(timedOut(model), false, false);
          case ApiCallAttemptTimeoutException e -> new TargetFailure(timedOut(model), false, false);
          default -> byClientCause(cause, model);
        };
    log(translated.error(), cause, model);
    return translated;
  }

  /** Error codes this SDK version does not model, judged by their HTTP status. */
  private static TargetFailure byStatus(AwsServiceException e, ModelId model) {
    int status = e.statusCode();
    if (status == 429) {
      return new TargetFailure(throttled(e, model), true, false);
    }
    if (status == 401 || status == 403) {
      return new TargetFailure(
          new UpstreamFailed(
              "Bedrock refused the gateway's AWS credentials ("
                  + message(e)
                  + "): check the identity the gateway runs with."),
          false,
          false);
    }
    if (status == 404) {
      return new TargetFailure(unknownModel(e, model), false, false);
    }
    if (status == 408) {
      return new TargetFailure(new UpstreamTimeout(message(e)), false, false);
    }
    if (status >= 400 && status < 500) {
      return new TargetFailure(new UpstreamRejected(message(e)), false, false);
    }
    GatewayException error =
        switch (status) {
          case 502, 503 -> new UpstreamUnavailable(message(e));
          case 504 -> new UpstreamTimeout(message(e));
          default -> new UpstreamFailed(message(e));
        };
    return new TargetFailure(error, true, false);
  }

  /** Failures on the gateway's side of the wire: no connection, a timeout, a broken stream. */
  private static TargetFailure byClientCause(Throwable failure, ModelId model) {
    List<Throwable> causes =
        Stream.iterate(failure, Objects::nonNull, Throwable::getCause)
            .limit(MAX_CAUSE_DEPTH)
            .toList();
    if (causes.stream().anyMatch(BedrockErrorTranslator::isUnreachable)) {
      return new TargetFailure(
          new UpstreamUnavailable("the gateway could not connect to Bedrock for " + model),
          true,
          false);
    }
    if (causes.stream().anyMatch(BedrockErrorTranslator::isTimeout)) {
      return new TargetFailure(timedOut(model), false, false);
    }
    // A connection that broke (often a pooled one Bedrock had just closed) says nothing about the
    // model: worth another attempt, which the failover makes only before the client saw a byte.
    if (causes.stream().anyMatch(IOException.class::isInstance)) {
      return new TargetFailure(
          new UpstreamUnavailable("the connection to Bedrock broke during the call for " + model),
          true,
          false);
    }
    return new TargetFailure(
        new UpstreamFailed("the call to Bedrock for " + model + " failed"), false, false);
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
        "Bedrock is throttling requests for " + model + ": " + message(e), retryAfter(e));
  }

  private static UnknownModel unknownModel(AwsServiceException e, ModelId model) {
    return new UnknownModel(
        "Bedrock does not know the model "
            + model
            + " in this region, or the gateway's account cannot see it: "
            + message(e));
  }

  private static UpstreamFailed denied(ModelId model) {
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
  private static String message(AwsServiceException e) {
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
