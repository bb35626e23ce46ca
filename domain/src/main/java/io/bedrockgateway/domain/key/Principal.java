package io.bedrockgateway.domain.key;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.plan.Plan;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Who is calling: the key's public identity, its owners and what it may do. */
public record Principal(
    KeyId keyId,
    String name,
    Optional<String> application,
    Optional<String> department,
    Optional<String> project,
    Plan plan,
    Set<ModelId> allowedModels) {

  public Principal {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(plan, "plan");
    allowedModels = Set.copyOf(Objects.requireNonNull(allowedModels, "allowedModels"));
  }

  /** An empty allow-list means every configured model. */
  public boolean mayUse(ModelId model) {
    return allowedModels.isEmpty() || allowedModels.contains(model);
  }
}
