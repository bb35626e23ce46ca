package io.bedrockgateway.domain.error;

/** A store the request needs (keys, usage) cannot be reached; the caller may retry later. */
public final class StoreUnavailable extends GatewayException {
  public StoreUnavailable(String detail, Throwable cause) {
    super(detail, cause);
  }

  @Override
  public String kind() {
    return "store_unavailable";
  }
}
