package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.CreateKeyCommand;
import io.bedrockgateway.application.port.in.IssuedKey;
import io.bedrockgateway.application.port.in.ManageKeysUseCase;
import io.bedrockgateway.application.port.in.RotateKeyCommand;
import io.bedrockgateway.application.port.in.UpdateKeyCommand;
import io.bedrockgateway.domain.error.NotFound;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.PlanOverrides;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each command; knows one key, {@link #KNOWN}. */
final class FakeManageKeysUseCase implements ManageKeysUseCase {
  static final ApiKeySecret PLAIN = new ApiKeySecret("bgw_known1_s3cretpart");
  static final KeyId KNOWN = new KeyId("known1");
  static final ApiKeyRecord RECORD =
      new ApiKeyRecord(
          PLAIN.hash(),
          new Principal(
              KNOWN,
              "Known key",
              Optional.of("app"),
              Optional.of("research"),
              Optional.empty(),
              Plan.unlimited("default"),
              Set.of()),
          PlanOverrides.NONE,
          Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  final List<Object> commands = new CopyOnWriteArrayList<>();

  @Override
  public IssuedKey create(CreateKeyCommand command) {
    commands.add(command);
    return new IssuedKey(RECORD, PLAIN);
  }

  @Override
  public List<ApiKeyRecord> list() {
    return List.of(RECORD);
  }

  @Override
  public ApiKeyRecord get(KeyId id) {
    commands.add(id);
    return known(id);
  }

  @Override
  public ApiKeyRecord update(UpdateKeyCommand command) {
    commands.add(command);
    return known(command.id());
  }

  @Override
  public ApiKeyRecord revoke(KeyId id) {
    commands.add(id);
    return known(id).revoked(Instant.parse("2026-01-02T00:00:00Z"));
  }

  @Override
  public IssuedKey rotate(RotateKeyCommand command) {
    commands.add(command);
    known(command.id());
    return new IssuedKey(RECORD, PLAIN);
  }

  <T> T last(Class<T> type) {
    return type.cast(commands.getLast());
  }

  private static ApiKeyRecord known(KeyId id) {
    if (!id.equals(KNOWN)) {
      throw new NotFound("There is no API key with id " + id + ".");
    }
    return RECORD;
  }
}
