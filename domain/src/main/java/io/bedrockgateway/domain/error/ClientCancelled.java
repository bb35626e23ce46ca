package io.bedrockgateway.domain.error;

/** The caller went away before the answer was complete. */
public final class ClientCancelled extends GatewayException {
  public ClientCancelled(Throwable cause) {
    super("the client closed the connection", cause);
  }

  @Override
  public String kind() {
    return "client_cancelled";
  }
}
