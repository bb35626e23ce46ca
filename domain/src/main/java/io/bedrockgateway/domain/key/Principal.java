package io.bedrockgateway.domain.key;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.plan.Plan;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the key's public identity, its owners and what it may do.
 *
 * @param lineage the key whose limits and budget this key spends: its own id, or for a key made by
 *     rotation the id of the first key of its line, so that rotating a key never starts its
 *     counters again and the old and new secret share them during the grace period
 */
public record Principal(
    KeyId keyId,
    String name,
    Optional<String> application,
    Optional<String> department,
    Optional<String> project,
    Plan plan,
    Set<ModelId> allowedModels,
    KeyId lineage) {

  public Principal {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(plan, "plan");
    allowedModels = Set.copyOf(Objects.requireNonNull(allowedModels, "allowedModels"));
    Objects.requireNonNull(lineage, "lineage");
  }

  /** A key that spends its own limits. */
  public Principal(
      KeyId keyId,
      String name,
      Optional<String> application,
      Optional<String> department,
      Optional<String> project,
      Plan plan,
      Set<ModelId> allowedModels) {
    this(keyId, name, application, department, project, plan, allowedModels, keyId);
  }

  /** An empty allow-list means every configured model. */
  public boolean mayUse(ModelId model) {
    return allowedModels.isEmpty() || allowedModels.contains(model);
  }
}
