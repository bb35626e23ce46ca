package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.bedrockgateway.application.port.in.ManageKeysUseCase;
import io.bedrockgateway.application.port.in.RecordRejectionUseCase;
import io.bedrockgateway.application.port.in.UsageReportUseCase;
import java.util.Objects;

/** The use cases the HTTP API drives. */
public record HttpUseCases(
    ConverseUseCase converse,
    HealthUseCase health,
    ManageKeysUseCase keys,
    UsageReportUseCase usage,
    RecordRejectionUseCase rejections) {
  public HttpUseCases {
    Objects.requireNonNull(converse, "converse");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(rejections, "rejections");
  }
}
