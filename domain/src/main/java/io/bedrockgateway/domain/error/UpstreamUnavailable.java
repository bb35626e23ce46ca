package io.bedrockgateway.domain.error;

/** The model service is unavailable or not ready. */
public final class UpstreamUnavailable extends GatewayException {
  public UpstreamUnavailable(String detail) {
    super(detail);
  }

  @Override
  public String kind() {
    return "upstream_unavailable";
  }

  @Override
  public boolean isUpstream() {
    return true;
  }
}
