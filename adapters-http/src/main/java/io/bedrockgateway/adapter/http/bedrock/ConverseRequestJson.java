package io.bedrockgateway.adapter.http.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The body of Bedrock's Converse and ConverseStream, as an AWS SDK sends it; validated later. The
 * fields the gateway cannot honour are kept so that they can be refused by name rather than
 * silently dropped.
 */
record ConverseRequestJson(
    List<JsonNode> messages,
    JsonNode system,
    InferenceConfigJson inferenceConfig,
    JsonNode toolConfig,
    JsonNode additionalModelRequestFields,
    JsonNode guardrailConfig,
    JsonNode promptVariables,
    JsonNode additionalModelResponseFieldPaths,
    JsonNode outputConfig) {

  record InferenceConfigJson(
      Integer maxTokens, Double temperature, Double topP, List<String> stopSequences) {}
}
