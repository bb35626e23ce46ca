package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ModelId;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * The answer of one InvokeModel call: its JSON body, and the input token count Bedrock reports in a
 * response header (not modelled by the SDK).
 */
record InvokeReply(JsonNode body, Optional<Long> inputTokens) {
  private static final String JSON = "application/json";
  private static final String INPUT_TOKENS = "X-Amzn-Bedrock-Input-Token-Count";

  static InvokeReply call(
      BedrockRuntimeClient client, ModelId model, byte[] body, Duration timeout) {
    InvokeModelResponse response = send(client, model, body, timeout);
    Optional<Long> inputTokens = InvocationUsage.header(response.sdkHttpResponse(), INPUT_TOKENS);
    return new InvokeReply(InvokeJson.parse(response.body().asByteArray()), inputTokens);
  }

  /**
   * One InvokeModel call with a JSON body, bounded by the client's request timeout ({@code
   * timeout}).
   */
  static InvokeModelResponse send(
      BedrockRuntimeClient client, ModelId model, byte[] body, Duration timeout) {
    return Calls.reply(
        () ->
            client.invokeModel(
                InvokeModelRequest.builder()
                    .modelId(model.value())
                    .contentType(JSON)
                    .accept(JSON)
                    .body(SdkBytes.fromByteArray(body))
                    .build()),
        timeout,
        model);
  }
}
