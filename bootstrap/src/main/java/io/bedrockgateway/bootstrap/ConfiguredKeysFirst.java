package io.bedrockgateway.bootstrap;

import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.KeyHash;
import io.bedrockgateway.domain.key.KeyId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The keys the gateway accepts: those of {@code API_KEYS}, fixed for the life of the process, then
 * the managed keys of the store. Configured keys are not managed: they are never stored, listed or
 * changed, and removing one from {@code API_KEYS} is how it is revoked.
 */
final class ConfiguredKeysFirst implements KeyStore {
  private final Map<KeyHash, ApiKeyRecord> configured;
  private final KeyStore managed;

  ConfiguredKeysFirst(List<ApiKeyRecord> configured, KeyStore managed) {
    this.configured =
        configured.stream()
            .collect(Collectors.toUnmodifiableMap(ApiKeyRecord::hash, Function.identity()));
    this.managed = Objects.requireNonNull(managed, "managed");
  }

  @Override
  public Optional<ApiKeyRecord> findByHash(KeyHash hash) {
    return Optional.ofNullable(configured.get(hash)).or(() -> managed.findByHash(hash));
  }

  @Override
  public Optional<ApiKeyRecord> findById(KeyId id) {
    return managed.findById(id);
  }

  @Override
  public List<ApiKeyRecord> list() {
    return managed.list();
  }

  @Override
  public void save(ApiKeyRecord key) {
    managed.save(key);
  }
}
