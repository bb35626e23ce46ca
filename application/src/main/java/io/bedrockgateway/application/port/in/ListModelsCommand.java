package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.key.ApiKeySecret;
import java.util.Objects;
import java.util.Optional;

public record ListModelsCommand(Optional<ApiKeySecret> apiKey) {
  public ListModelsCommand {
    Objects.requireNonNull(apiKey, "apiKey");
  }
}
