package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.plan.PlanOverrides;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Changes to a key; an absent field is left as it is, and for the optional labels and the expiry a
 * present empty value clears them. The key itself never changes.
 */
public record UpdateKeyCommand(
    KeyId id,
    Optional<String> name,
    Optional<Optional<String>> application,
    Optional<Optional<String>> department,
    Optional<Optional<String>> project,
    Optional<String> plan,
    Optional<PlanOverrides> overrides,
    Optional<Set<ModelId>> allowedModels,
    Optional<Optional<Instant>> expiresAt) {
  public UpdateKeyCommand {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(overrides, "overrides");
    allowedModels = Objects.requireNonNull(allowedModels, "allowedModels").map(Set::copyOf);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The owner after the change, validated as any owner. */
  public KeyOwner changedOwner(KeyOwner current) {
    return new KeyOwner(
        name.orElse(current.name()),
        application.orElse(current.application()),
        department.orElse(current.department()),
        project.orElse(current.project()));
  }
}
