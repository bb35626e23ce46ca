package io.bedrockgateway.emulator;

import java.util.Objects;

/** Ends a request with a Bedrock error response. */
final class BedrockServiceException extends RuntimeException {

  private final ServiceError error;

  BedrockServiceException(ServiceError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  BedrockServiceException(ServiceError error) {
    this(error, error.defaultMessage());
  }

  static BedrockServiceException validation(String message) {
    return new BedrockServiceException(ServiceError.VALIDATION, message);
  }

  ServiceError error() {
    return error;
  }
}
