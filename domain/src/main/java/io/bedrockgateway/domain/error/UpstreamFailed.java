package io.bedrockgateway.domain.error;

/** The model service failed in a way the caller cannot fix (internal error, broken stream). */
public final class UpstreamFailed extends GatewayException {
  public UpstreamFailed(String detail) {
    super(detail);
  }

  @Override
  public String kind() {
    return "upstream_failed";
  }

  @Override
  public boolean isUpstream() {
    return true;
  }
}
