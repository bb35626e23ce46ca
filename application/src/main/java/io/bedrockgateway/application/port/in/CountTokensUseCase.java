package io.bedrockgateway.application.port.in;

/**
 * Counts the input tokens of an InvokeModel body or a conversation with the model (Bedrock's
 * CountTokens), for a key that may use the model. It counts as one request against the key's
 * request rate and uses no tokens; the usage record says so.
 */
@FunctionalInterface
public interface CountTokensUseCase {
  /**
   * @return the input tokens, as the model counts them
   * @throws io.bedrockgateway.domain.error.GatewayException when they cannot be counted
   */
  long countTokens(CountTokensCommand command);
}
