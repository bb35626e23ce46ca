package io.bedrockgateway.adapter.memory;

import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.KeyHash;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keys held in this process, by hash. */
public final class InMemoryKeyStore implements KeyStore {
  private final Map<KeyHash, ApiKeyRecord> byHash = new ConcurrentHashMap<>();

  public InMemoryKeyStore(Collection<ApiKeyRecord> keys) {
    keys.forEach(this::save);
  }

  public void save(ApiKeyRecord key) {
    byHash.put(key.hash(), key);
  }

  @Override
  public Optional<ApiKeyRecord> findByHash(KeyHash hash) {
    return Optional.ofNullable(byHash.get(hash));
  }
}
