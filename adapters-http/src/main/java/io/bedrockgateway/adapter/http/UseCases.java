package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.application.port.in.EmbedUseCase;
import io.bedrockgateway.application.port.in.GenerateImageUseCase;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.bedrockgateway.application.port.in.ListModelsUseCase;
import java.util.Objects;

/** The use cases the HTTP API serves. */
public record UseCases(
    ConverseUseCase converse,
    EmbedUseCase embed,
    GenerateImageUseCase images,
    ListModelsUseCase models,
    HealthUseCase health) {
  public UseCases {
    Objects.requireNonNull(converse, "converse");
    Objects.requireNonNull(embed, "embed");
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(health, "health");
  }
}
