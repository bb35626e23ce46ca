package io.bedrockgateway.domain.error;

/**
 * A service the gateway itself needs to serve (not the model) cannot be reached, and the gateway is
 * configured to refuse requests rather than serve without it.
 */
public final class DependencyUnavailable extends GatewayException {
  public DependencyUnavailable(String detail) {
    super(detail);
  }

  @Override
  public String kind() {
    return "dependency_unavailable";
  }
}
