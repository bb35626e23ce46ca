package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.CreateKeyCommand;
import io.bedrockgateway.application.port.in.IssuedKey;
import io.bedrockgateway.application.port.in.KeyOwner;
import io.bedrockgateway.application.port.in.ManageKeysUseCase;
import io.bedrockgateway.application.port.in.RotateKeyCommand;
import io.bedrockgateway.application.port.in.UpdateKeyCommand;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.error.NotFound;
import io.bedrockgateway.domain.key.ApiKeyGenerator;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.key.Rotation;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.PlanCatalog;
import io.bedrockgateway.domain.plan.PlanOverrides;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Creates, changes, rotates and revokes API keys; only hashes reach the store. */
public final class ManageKeysService implements ManageKeysUseCase {
  private final KeyStore keys;
  private final PlanCatalog plans;
  private final ApiKeyGenerator generator;
  private final Clock clock;

  public ManageKeysService(
      KeyStore keys, PlanCatalog plans, ApiKeyGenerator generator, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.plans = Objects.requireNonNull(plans, "plans");
    this.generator = Objects.requireNonNull(generator, "generator");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public IssuedKey create(CreateKeyCommand command) {
    Instant now = clock.instant();
    requireFuture(command.expiresAt(), now);
    Plan plan = command.plan().map(this::namedPlan).orElse(plans.defaultPlan());
    ApiKeySecret plainKey = generator.generate();
    Principal principal =
        principal(
            keyIdOf(plainKey),
            command.owner(),
            command.overrides().applyTo(plan),
            command.allowedModels(),
            keyIdOf(plainKey));
    ApiKeyRecord record =
        new ApiKeyRecord(
            plainKey.hash(),
            principal,
            command.overrides(),
            Optional.of(now),
            command.expiresAt(),
            Optional.empty(),
            Optional.empty());
    keys.save(record);
    return new IssuedKey(record, plainKey);
  }

  @Override
  public List<ApiKeyRecord> list() {
    return keys.list();
  }

  @Override
  public ApiKeyRecord get(KeyId id) {
    return keys.findById(id)
        .orElseThrow(() -> new NotFound("There is no API key with id " + id + "."));
  }

  @Override
  public ApiKeyRecord update(UpdateKeyCommand command) {
    ApiKeyRecord current = get(command.id());
    command.expiresAt().ifPresent(expiry -> requireFuture(expiry, clock.instant()));
    Principal was = current.principal();
    KeyOwner owner =
        command.changedOwner(
            new KeyOwner(was.name(), was.application(), was.department(), was.project()));
    Plan plan = namedPlan(command.plan().orElse(was.plan().name()));
    PlanOverrides overrides = command.overrides().orElse(current.overrides());
    Set<ModelId> models = command.allowedModels().orElse(was.allowedModels());
    ApiKeyRecord updated =
        current
            .withPrincipal(
                principal(was.keyId(), owner, overrides.applyTo(plan), models, was.lineage()),
                overrides)
            .withExpiry(command.expiresAt().orElse(current.expiresAt()));
    keys.save(updated);
    return updated;
  }

  @Override
  public ApiKeyRecord revoke(KeyId id) {
    ApiKeyRecord revoked = get(id).revoked(clock.instant());
    keys.save(revoked);
    return revoked;
  }

  @Override
  public IssuedKey rotate(RotateKeyCommand command) {
    Instant now = clock.instant();
    ApiKeyRecord old = get(command.id());
    if (!old.isUsableAt(now)) {
      throw new InvalidRequest(
          "API key " + command.id() + " is revoked or expired: create a new key instead.");
    }
    Instant graceUntil = now.plus(command.grace());
    ApiKeySecret plainKey = generator.generate();
    Principal was = old.principal();
    Principal successor =
        new Principal(
            keyIdOf(plainKey),
            was.name(),
            was.application(),
            was.department(),
            was.project(),
            was.plan(),
            was.allowedModels(),
            was.lineage());
    ApiKeyRecord record =
        new ApiKeyRecord(
            plainKey.hash(),
            successor,
            old.overrides(),
            Optional.of(now),
            old.expiresAt(),
            Optional.empty(),
            Optional.of(new Rotation(old.keyId(), graceUntil)));
    // the successor first: if the second write fails, both keys still work
    keys.save(record);
    keys.save(old.retiringBy(graceUntil));
    return new IssuedKey(record, plainKey);
  }

  private Plan namedPlan(String name) {
    return plans
        .find(name)
        .orElseThrow(
            () ->
                new InvalidRequest(
                    "plan: there is no plan named '"
                        + name
                        + "'; configured plans: "
                        + String.join(", ", new TreeSet<>(plans.byName().keySet()))));
  }

  private static void requireFuture(Optional<Instant> expiry, Instant now) {
    if (expiry.isPresent() && !expiry.get().isAfter(now)) {
      throw new InvalidRequest("expires_at: must be in the future");
    }
  }

  private static KeyId keyIdOf(ApiKeySecret generated) {
    return generated
        .embeddedKeyId()
        .orElseThrow(() -> new IllegalStateException("a generated key carries its id"));
  }

  private static Principal principal(
      KeyId id, KeyOwner owner, Plan plan, Set<ModelId> allowedModels, KeyId lineage) {
    return new Principal(
        id,
        owner.name(),
        owner.application(),
        owner.department(),
        owner.project(),
        plan,
        allowedModels,
        lineage);
  }
}
