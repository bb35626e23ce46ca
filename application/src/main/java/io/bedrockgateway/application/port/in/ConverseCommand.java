package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.request.RequestContext;
import java.util.Objects;
import java.util.Optional;

/** A chat turn to answer, with the key it came with (absent when the caller sent none). */
public record ConverseCommand(
    Optional<ApiKeySecret> apiKey, ChatRequest request, RequestContext context) {
  public ConverseCommand {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(context, "context");
  }
}
