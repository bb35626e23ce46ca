package io.bedrockgateway.domain.error;

/** The model service does not know the model, or the gateway's account cannot see it. */
public final class UnknownModel extends GatewayException {
  public UnknownModel(String detail) {
    super(detail);
  }

  @Override
  public String kind() {
    return "unknown_model";
  }

  @Override
  public boolean isUpstream() {
    return true;
  }
}
