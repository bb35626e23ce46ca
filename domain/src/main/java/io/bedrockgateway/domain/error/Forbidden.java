package io.bedrockgateway.domain.error;

/** The key is valid but may not do this (e.g. use this model). */
public final class Forbidden extends GatewayException {
  public Forbidden(String detail) {
    super(detail);
  }

  @Override
  public String kind() {
    return "forbidden";
  }
}
