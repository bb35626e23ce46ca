package io.bedrockgateway.domain.invoke;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's answer to an invocation, as Bedrock sent it.
 *
 * @param body the answer's bytes, unchanged (for Claude, Anthropic's message JSON)
 * @param contentType the answer's media type, e.g. {@code application/json}
 * @param servedModel the model that answered, which a fallback chain may have chosen
 * @param usage the tokens the model reported (Bedrock's token-count headers, else the answer's own
 *     usage), when it reported them
 */
public record InvocationResponse(
    byte[] body, String contentType, ModelId servedModel, Optional<TokenUsage> usage) {
  public InvocationResponse {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(servedModel, "servedModel");
    Objects.requireNonNull(usage, "usage");
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InvocationResponse response
        && Arrays.equals(body, response.body)
        && contentType.equals(response.contentType)
        && servedModel.equals(response.servedModel)
        && usage.equals(response.usage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(body), contentType, servedModel, usage);
  }

  @Override
  public String toString() {
    return "InvocationResponse["
        + body.length
        + " bytes of "
        + contentType
        + " from "
        + servedModel
        + ", usage="
        + usage
        + "]";
  }
}
