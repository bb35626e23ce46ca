package io.bedrockgateway.adapter.http.nativeapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The body of {@code POST /converse} and {@code /converse-stream}, as sent; validated later. */
public record ConverseRequestJson(
    List<MessageJson> messages,
    @JsonProperty("system_prompt") String systemPrompt,
    @JsonProperty("model_id") String modelId,
    @JsonProperty("tool_config") JsonNode toolConfig,
    Double temperature,
    @JsonProperty("top_p") Double topP,
    @JsonProperty("max_tokens") Integer maxTokens,
    @JsonProperty("stop_sequences") List<String> stopSequences,
    @JsonProperty("additional_model_request_fields") JsonNode additionalModelRequestFields) {

  /** {@code content} is a string or a list of content blocks, so it stays a tree until mapped. */
  record MessageJson(String role, JsonNode content) {}
}
