package io.bedrockgateway.client;

/** Which way a call went: through the gateway's native API, or straight to Bedrock with the SDK. */
public enum Path {
  GATEWAY,
  DIRECT
}
