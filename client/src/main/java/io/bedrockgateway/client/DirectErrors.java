package io.bedrockgateway.client;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/** The SDK's exceptions, translated at this edge into the client's own; none crosses it. */
final class DirectErrors {
  private DirectErrors() {}

  /** A failure before the first byte of an answer. */
  static BedrockClientException beforeAnswer(Throwable thrown) {
    Throwable failure = unwrap(thrown);
    if (failure instanceof BedrockClientException own) {
      return own;
    }
    if (failure instanceof ThrottlingException
        || failure instanceof ServiceQuotaExceededException) {
      return new BedrockClientException.RateLimited(Path.DIRECT, null, null, message(failure));
    }
    if (failure instanceof ServiceUnavailableException
        || failure instanceof ModelNotReadyException) {
      return new BedrockClientException.Unavailable(
          Path.DIRECT, FailureCause.SERVICE_UNAVAILABLE, message(failure), failure);
    }
    if (failure instanceof ModelTimeoutException || failure instanceof ApiCallTimeoutException) {
      return new BedrockClientException.Unavailable(
          Path.DIRECT, FailureCause.TIMEOUT, message(failure), failure);
    }
    if (failure instanceof AwsServiceException service) {
      int status = service.statusCode();
      return status >= 400 && status < 500
          ? new BedrockClientException.Refused(
              Path.DIRECT, status, service.awsErrorDetails().errorCode(), message(failure))
          : new BedrockClientException.Failed(Path.DIRECT, status, message(failure), failure);
    }
    if (failure instanceof SdkClientException) {
      return new BedrockClientException.Unavailable(
          Path.DIRECT,
          causedBy(failure, ConnectException.class)
              ? FailureCause.CONNECTION_REFUSED
              : FailureCause.CONNECTION_CLOSED,
          message(failure),
          failure);
    }
    return new BedrockClientException.Failed(Path.DIRECT, 0, String.valueOf(failure), failure);
  }

  /** A failure after the first event of a stream. */
  static BedrockClientException.StreamInterrupted midStream(Throwable thrown) {
    Throwable failure = unwrap(thrown);
    boolean connection = failure instanceof SdkClientException;
    String type =
        failure instanceof AwsServiceException service
            ? service.awsErrorDetails().errorCode()
            : connection ? "connection_lost" : "stream_error";
    return new BedrockClientException.StreamInterrupted(
        Path.DIRECT, type, message(failure), connection, failure);
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable failure = thrown;
    while ((failure instanceof CompletionException || failure instanceof ExecutionException)
        && failure.getCause() != null) {
      failure = failure.getCause();
    }
    return failure;
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static String message(Throwable failure) {
    return failure instanceof AwsServiceException service && service.awsErrorDetails() != null
        ? service.awsErrorDetails().errorMessage()
        : failure.getMessage();
  }
}
