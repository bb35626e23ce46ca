package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.plan.PlanOverrides;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Changes to a key; each absent field is left as it is. The key itself never changes. */
public record UpdateKeyCommand(
    KeyId id,
    Optional<KeyOwner> owner,
    Optional<String> plan,
    Optional<PlanOverrides> overrides,
    Optional<Set<ModelId>> allowedModels,
    Optional<Optional<Instant>> expiresAt) {
  public UpdateKeyCommand {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(overrides, "overrides");
    allowedModels = Objects.requireNonNull(allowedModels, "allowedModels").map(Set::copyOf);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
