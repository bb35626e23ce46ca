package io.bedrockgateway.domain.error;

/** The model service refused the request as invalid; its message explains why. */
public final class UpstreamRejected extends GatewayException {
  public UpstreamRejected(String detail) {
    super(detail);
  }

  @Override
  public String kind() {
    return "upstream_rejected";
  }

  @Override
  public boolean isUpstream() {
    return true;
  }
}
