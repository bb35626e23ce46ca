package io.bedrockgateway.emulator;

/** The Bedrock Runtime operations the emulator serves, with the last segment of their path. */
public enum BedrockOperation {
  CONVERSE("converse"),
  CONVERSE_STREAM("converse-stream"),
  INVOKE("invoke"),
  INVOKE_STREAM("invoke-with-response-stream"),
  COUNT_TOKENS("count-tokens");

  private final String pathSuffix;

  BedrockOperation(String pathSuffix) {
    this.pathSuffix = pathSuffix;
  }

  /** The route of this operation, e.g. {@code /model/{modelId}/converse-stream}. */
  String route() {
    return "/model/{modelId}/" + pathSuffix;
  }
}
