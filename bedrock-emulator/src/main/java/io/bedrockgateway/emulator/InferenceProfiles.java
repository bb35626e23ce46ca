package io.bedrockgateway.emulator;

import java.util.List;

/**
 * Models Bedrock serves on demand only through an inference profile: called by their bare id, they
 * fail the way Bedrock fails them.
 */
final class InferenceProfiles {
  private static final List<String> PROFILE_ONLY =
      List.of(
          "anthropic.claude-3-5-sonnet-20241022-v2",
          "anthropic.claude-3-7-sonnet",
          "anthropic.claude-sonnet-4",
          "anthropic.claude-opus-4",
          "anthropic.claude-haiku-4-5",
          "amazon.nova-2-",
          "amazon.nova-premier");

  private InferenceProfiles() {}

  static void requireOnDemandCapable(String modelId) {
    if (PROFILE_ONLY.stream().anyMatch(modelId::startsWith)) {
      throw BedrockServiceException.validation(
          "Invocation of model ID "
              + modelId
              + " with on-demand throughput isn\u2019t supported. Retry your request with the ID or"
              + " ARN of an inference profile that contains this model.");
    }
  }
}
