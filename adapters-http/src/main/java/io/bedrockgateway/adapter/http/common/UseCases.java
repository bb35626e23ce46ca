package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.application.port.in.AuthenticateUseCase;
import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.application.port.in.CountTokensUseCase;
import io.bedrockgateway.application.port.in.EmbedUseCase;
import io.bedrockgateway.application.port.in.GenerateImageUseCase;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.bedrockgateway.application.port.in.InvokeUseCase;
import io.bedrockgateway.application.port.in.ListModelsUseCase;
import io.bedrockgateway.application.port.in.ManageKeysUseCase;
import io.bedrockgateway.application.port.in.MetricsUseCase;
import io.bedrockgateway.application.port.in.RecordRejectionUseCase;
import io.bedrockgateway.application.port.in.UsageReportUseCase;
import java.util.Objects;

/** The use cases the HTTP API drives. */
public record UseCases(
    AuthenticateUseCase authenticate,
    ConverseUseCase converse,
    EmbedUseCase embed,
    GenerateImageUseCase images,
    ListModelsUseCase models,
    HealthUseCase health,
    ManageKeysUseCase keys,
    UsageReportUseCase usage,
    RecordRejectionUseCase rejections,
    MetricsUseCase metrics,
    InvokeUseCase invoke,
    CountTokensUseCase countTokens) {
  public UseCases {
    Objects.requireNonNull(authenticate, "authenticate");
    Objects.requireNonNull(converse, "converse");
    Objects.requireNonNull(embed, "embed");
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(rejections, "rejections");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(invoke, "invoke");
    Objects.requireNonNull(countTokens, "countTokens");
  }
}
