package io.bedrockgateway.emulator;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The Bedrock Runtime errors the emulator answers with: a restJson1 error type with its HTTP
 * status, which is also, in camelCase, the {@code :exception-type} of an event-stream exception.
 */
enum ServiceError {
  VALIDATION(400, "ValidationException", "The request is invalid."),
  ACCESS_DENIED(
      403,
      "AccessDeniedException",
      "You don't have access to the model with the specified model ID."),
  RESOURCE_NOT_FOUND(404, "ResourceNotFoundException", "The specified resource was not found."),
  UNKNOWN_OPERATION(404, "UnknownOperationException", "The requested operation does not exist."),
  MODEL_TIMEOUT(
      408,
      "ModelTimeoutException",
      "Model has timed out in processing the request. Try your request again."),
  MODEL_ERROR(424, "ModelErrorException", "The model failed to process the request."),
  MODEL_STREAM_ERROR(424, "ModelStreamErrorException", "The model stream failed."),
  THROTTLING(429, "ThrottlingException", "Too many requests, please wait before trying again."),
  MODEL_NOT_READY(
      429,
      "ModelNotReadyException",
      "The model is not ready to serve inference requests. Try again later."),
  SERVICE_QUOTA_EXCEEDED(
      400,
      "ServiceQuotaExceededException",
      "Your request exceeds the service quota for your account."),
  INTERNAL_SERVER(
      500,
      "InternalServerException",
      "The server encountered an internal error while processing the request."),
  SERVICE_UNAVAILABLE(
      503, "ServiceUnavailableException", "Bedrock is unable to process your request.");

  private static final String CORAL_NAMESPACE =
      "http://internal.amazon.com/coral/com.amazon.bedrock/";

  /** The errors {@code [emulator:error=STATUS]} can inject, one per status. */
  private static final Set<ServiceError> INJECTABLE_BY_STATUS =
      EnumSet.of(
          ACCESS_DENIED,
          RESOURCE_NOT_FOUND,
          MODEL_TIMEOUT,
          MODEL_ERROR,
          THROTTLING,
          INTERNAL_SERVER,
          SERVICE_UNAVAILABLE);

  /** The exception members of Bedrock's {@code ConverseStreamOutput} union. */
  private static final Set<ServiceError> STREAM_EXCEPTIONS =
      EnumSet.of(VALIDATION, THROTTLING, INTERNAL_SERVER, SERVICE_UNAVAILABLE, MODEL_STREAM_ERROR);

  private final int status;
  private final String typeName;
  private final String defaultMessage;

  ServiceError(int status, String typeName, String defaultMessage) {
    this.status = status;
    this.typeName = typeName;
    this.defaultMessage = defaultMessage;
  }

  int status() {
    return status;
  }

  String defaultMessage() {
    return defaultMessage;
  }

  /** The value of the {@code x-amzn-ErrorType} header of a restJson1 error. */
  String errorTypeHeader() {
    return typeName + ":" + CORAL_NAMESPACE;
  }

  /** The {@code :exception-type} of an event-stream exception frame, e.g. throttlingException. */
  String exceptionType() {
    return Character.toLowerCase(typeName.charAt(0)) + typeName.substring(1);
  }

  static Optional<ServiceError> injectableWithStatus(int status) {
    return INJECTABLE_BY_STATUS.stream().filter(error -> error.status == status).findFirst();
  }

  /** Any error but the emulator's own, by its type name, e.g. ModelNotReadyException. */
  static Optional<ServiceError> injectableNamed(String typeName) {
    return Arrays.stream(values())
        .filter(error -> error != UNKNOWN_OPERATION && error.typeName.equals(typeName))
        .findFirst();
  }

  static Optional<ServiceError> streamExceptionOfType(String exceptionType) {
    return STREAM_EXCEPTIONS.stream()
        .filter(error -> error.exceptionType().equals(exceptionType))
        .findFirst();
  }

  static String injectableStatuses() {
    return Arrays.toString(INJECTABLE_BY_STATUS.stream().mapToInt(ServiceError::status).toArray());
  }

  static String streamExceptionTypes() {
    return STREAM_EXCEPTIONS.stream().map(ServiceError::exceptionType).toList().toString();
  }
}
