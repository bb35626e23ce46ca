package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.image.ImageRequest;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.request.RequestContext;
import java.util.Objects;
import java.util.Optional;

public record GenerateImageCommand(
    Optional<ApiKeySecret> apiKey,
    Optional<ModelId> model,
    ImageRequest request,
    RequestContext context) {
  public GenerateImageCommand {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(context, "context");
  }
}
