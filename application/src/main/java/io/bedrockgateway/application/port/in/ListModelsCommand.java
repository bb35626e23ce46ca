package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.key.Principal;
import java.util.Objects;

public record ListModelsCommand(Principal caller) {
  public ListModelsCommand {
    Objects.requireNonNull(caller, "caller");
  }
}
