package io.bedrockgateway.domain.error;

/** The request body is larger than the gateway accepts. */
public final class PayloadTooLarge extends GatewayException {
  private final long limitBytes;

  public PayloadTooLarge(long limitBytes) {
    super("request body exceeds " + limitBytes + " bytes");
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }

  @Override
  public String kind() {
    return "payload_too_large";
  }
}
