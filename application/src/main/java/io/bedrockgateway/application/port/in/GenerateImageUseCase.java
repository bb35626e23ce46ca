package io.bedrockgateway.application.port.in;

/**
 * Generates images from a prompt for an API key, through the same key, plan, limit and usage steps
 * as chat. Throws a {@link io.bedrockgateway.domain.error.GatewayException} when it cannot.
 */
public interface GenerateImageUseCase {
  GenerateImageResult generate(GenerateImageCommand command);
}
