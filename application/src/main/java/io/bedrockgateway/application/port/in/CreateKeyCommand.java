package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.plan.PlanOverrides;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A key to make.
 *
 * @param plan the plan's name; empty for the default plan
 * @param allowedModels the models the key may call; empty for every model
 */
public record CreateKeyCommand(
    KeyOwner owner,
    Optional<String> plan,
    PlanOverrides overrides,
    Set<ModelId> allowedModels,
    Optional<Instant> expiresAt) {
  public CreateKeyCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(overrides, "overrides");
    allowedModels = Set.copyOf(Objects.requireNonNull(allowedModels, "allowedModels"));
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
