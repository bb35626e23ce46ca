package io.bedrockgateway.domain.error;

/** The request is malformed or fails validation; the message names the problem. */
public final class InvalidRequest extends GatewayException {
  public InvalidRequest(String detail) {
    super(detail);
  }

  @Override
  public String kind() {
    return "invalid_request";
  }
}
