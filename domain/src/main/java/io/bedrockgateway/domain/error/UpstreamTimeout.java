package io.bedrockgateway.domain.error;

/** The model service did not answer, or stopped answering, in time. */
public final class UpstreamTimeout extends GatewayException {
  public UpstreamTimeout(String detail) {
    super(detail);
  }

  @Override
  public String kind() {
    return "upstream_timeout";
  }

  @Override
  public boolean isUpstream() {
    return true;
  }
}
