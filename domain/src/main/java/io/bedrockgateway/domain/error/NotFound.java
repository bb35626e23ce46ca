package io.bedrockgateway.domain.error;

/** The thing a request names (e.g. an API key by id) does not exist. */
public final class NotFound extends GatewayException {
  public NotFound(String detail) {
    super(detail);
  }

  @Override
  public String kind() {
    return "not_found";
  }
}
