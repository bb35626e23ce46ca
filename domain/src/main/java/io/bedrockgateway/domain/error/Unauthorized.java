package io.bedrockgateway.domain.error;

/** No API key, or one the gateway does not know (or that is revoked or expired). */
public final class Unauthorized extends GatewayException {
  public enum Reason {
    MISSING_KEY,
    INVALID_KEY
  }

  private final Reason reason;

  public Unauthorized(Reason reason) {
    super(
        reason == Reason.MISSING_KEY
            ? "Send an API key in the X-API-Key header or as Authorization: Bearer <key>."
            : "The API key is not valid: it is unknown, revoked or expired.");
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public String kind() {
    return reason == Reason.MISSING_KEY ? "missing_api_key" : "invalid_api_key";
  }
}
