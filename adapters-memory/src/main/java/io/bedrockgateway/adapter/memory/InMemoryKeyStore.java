package io.bedrockgateway.adapter.memory;

import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.KeyHash;
import io.bedrockgateway.domain.key.KeyId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keys held in this process, by id and by hash; they are gone when it stops. */
public final class InMemoryKeyStore implements KeyStore {
  private static final Comparator<ApiKeyRecord> OLDEST_FIRST =
      Comparator.comparing((ApiKeyRecord key) -> key.createdAt().orElse(Instant.MIN))
          .thenComparing(key -> key.keyId().value());

  private final Map<KeyId, ApiKeyRecord> byId = new ConcurrentHashMap<>();
  private final Map<KeyHash, KeyId> idByHash = new ConcurrentHashMap<>();

  @Override
  public Optional<ApiKeyRecord> findByHash(KeyHash hash) {
    return Optional.ofNullable(idByHash.get(hash)).map(byId::get);
  }

  @Override
  public Optional<ApiKeyRecord> findById(KeyId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public List<ApiKeyRecord> list() {
    return byId.values().stream().sorted(OLDEST_FIRST).toList();
  }

  @Override
  public synchronized void save(ApiKeyRecord key) {
    byId.put(key.keyId(), key);
    idByHash.put(key.hash(), key.keyId());
  }
}
