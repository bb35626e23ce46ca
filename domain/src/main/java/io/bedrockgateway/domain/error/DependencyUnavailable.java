package io.bedrockgateway.domain.error;

/**
 * A service the gateway itself needs to serve (not the model) cannot be reached: a store of keys or
 * usage, or the limits store when the gateway is configured to refuse rather than serve without it.
 * The caller may retry later.
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
