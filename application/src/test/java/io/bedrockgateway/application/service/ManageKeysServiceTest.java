package io.bedrockgateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.application.port.in.CreateKeyCommand;
import io.bedrockgateway.application.port.in.IssuedKey;
import io.bedrockgateway.application.port.in.KeyOwner;
import io.bedrockgateway.application.port.in.RotateKeyCommand;
import io.bedrockgateway.application.port.in.UpdateKeyCommand;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.error.NotFound;
import io.bedrockgateway.domain.key.ApiKeyGenerator;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.PlanCatalog;
import io.bedrockgateway.domain.plan.PlanOverrides;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManageKeysServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final Plan DEFAULT = Plan.unlimited("default");
  private static final Plan TEAM = Plan.unlimited("team").withTokensPerDay(1_000);
  private static final KeyOwner OWNER =
      new KeyOwner("Search bot", Optional.of("search"), Optional.of("research"), Optional.empty());

  private final KeysByHash keys = new KeysByHash();
  private final ManageKeysService service =
      new ManageKeysService(
          keys,
          new PlanCatalog(DEFAULT, Map.of("default", DEFAULT, "team", TEAM)),
          new ApiKeyGenerator(new SecureRandom()),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void createsAKeyStoredOnlyByItsHashWithItsPlanAndOwner() {
    IssuedKey issued = service.create(create(Optional.of("team")));

    ApiKeyRecord stored = keys.findById(issued.record().keyId()).orElseThrow();
    assertThat(issued.plainKey().value()).startsWith("bgw_" + stored.keyId() + "_");
    assertThat(stored.hash()).isEqualTo(issued.plainKey().hash());
    assertThat(stored.principal().plan()).isEqualTo(TEAM);
    assertThat(stored.principal().department()).contains("research");
    assertThat(stored.createdAt()).contains(NOW);
  }

  @Test
  void aKeyWithoutAPlanGetsTheDefaultAndOverridesApplyOnTop() {
    PlanOverrides overrides =
        new PlanOverrides(
            Optional.empty(),
            OptionalLong.of(500),
            OptionalLong.empty(),
            Optional.empty(),
            OptionalInt.empty());
    IssuedKey issued =
        service.create(
            new CreateKeyCommand(OWNER, Optional.empty(), overrides, Set.of(), Optional.empty()));

    assertThat(issued.record().principal().plan()).isEqualTo(DEFAULT.withTokensPerMinute(500));
    assertThat(issued.record().overrides()).isEqualTo(overrides);
  }

  @Test
  void anUnknownPlanFailsClearlyAtCreation() {
    assertThatThrownBy(() -> service.create(create(Optional.of("gold"))))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("gold")
        .hasMessageContaining("default, team");
    assertThat(keys.list()).isEmpty();
  }

  @Test
  void rotationIssuesASuccessorAndRetiresTheOldKeyAtTheEndOfTheGrace() {
    ApiKeyRecord old = service.create(create(Optional.of("team"))).record();

    IssuedKey successor = service.rotate(new RotateKeyCommand(old.keyId(), Duration.ofHours(1)));

    Instant graceEnd = NOW.plus(Duration.ofHours(1));
    assertThat(successor.record().rotatedFrom().orElseThrow().predecessor()).isEqualTo(old.keyId());
    assertThat(successor.record().principal().plan()).isEqualTo(TEAM);
    ApiKeyRecord retiring = service.get(old.keyId());
    assertThat(retiring.isUsableAt(graceEnd.minusSeconds(1))).isTrue();
    assertThat(retiring.isUsableAt(graceEnd)).isFalse();
    assertThat(successor.record().isUsableAt(graceEnd)).isTrue();
  }

  @Test
  void aRotatedKeySpendsTheLimitsOfTheFirstKeyOfItsLineEvenAfterAnUpdate() {
    ApiKeyRecord first = service.create(create(Optional.empty())).record();
    KeyId second =
        service.rotate(new RotateKeyCommand(first.keyId(), Duration.ofHours(1))).record().keyId();
    KeyId third =
        service.rotate(new RotateKeyCommand(second, Duration.ofHours(1))).record().keyId();
    service.update(
        new UpdateKeyCommand(
            third,
            Optional.of("Renamed"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));

    assertThat(first.principal().lineage()).isEqualTo(first.keyId());
    assertThat(service.get(second).principal().lineage()).isEqualTo(first.keyId());
    assertThat(service.get(third).principal().lineage()).isEqualTo(first.keyId());
    assertThat(third).isNotEqualTo(first.keyId());
  }

  @Test
  void aRevokedKeyCannotBeRotated() {
    KeyId id = service.create(create(Optional.empty())).record().keyId();
    service.revoke(id);

    assertThatThrownBy(() -> service.rotate(new RotateKeyCommand(id, Duration.ZERO)))
        .isInstanceOf(InvalidRequest.class);
    assertThat(service.get(id).revokedAt()).contains(NOW);
  }

  @Test
  void updatesPlanAndMetadataButNeverTheKey() {
    ApiKeyRecord created = service.create(create(Optional.empty())).record();

    ApiKeyRecord updated =
        service.update(
            new UpdateKeyCommand(
                created.keyId(),
                Optional.of("Renamed"),
                Optional.of(Optional.empty()),
                Optional.of(Optional.of("ops")),
                Optional.empty(),
                Optional.of("team"),
                Optional.empty(),
                Optional.of(Set.of(new ModelId("amazon.nova-lite-v1:0"))),
                Optional.empty()));

    assertThat(updated.hash()).isEqualTo(created.hash());
    assertThat(updated.principal().name()).isEqualTo("Renamed");
    assertThat(updated.principal().department()).contains("ops");
    assertThat(updated.principal().application()).isEmpty();
    assertThat(updated.principal().plan()).isEqualTo(TEAM);
    assertThat(updated.principal().allowedModels()).hasSize(1);
    assertThat(keys.findById(created.keyId())).contains(updated);
  }

  @Test
  void unknownKeysAreNotFound() {
    assertThatThrownBy(() -> service.revoke(new KeyId("missing")))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("missing");
  }

  private static CreateKeyCommand create(Optional<String> plan) {
    return new CreateKeyCommand(OWNER, plan, PlanOverrides.NONE, Set.of(), Optional.empty());
  }
}
