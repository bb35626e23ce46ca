package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.KeyHash;
import io.bedrockgateway.domain.key.KeyId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A key store for the services' tests: a map by id, looked up by hash. */
final class KeysByHash implements KeyStore {
  private final Map<KeyId, ApiKeyRecord> byId = new LinkedHashMap<>();

  KeysByHash(ApiKeyRecord... keys) {
    for (ApiKeyRecord key : keys) {
      save(key);
    }
  }

  @Override
  public Optional<ApiKeyRecord> findByHash(KeyHash hash) {
    return byId.values().stream().filter(key -> key.hash().equals(hash)).findFirst();
  }

  @Override
  public Optional<ApiKeyRecord> findById(KeyId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public List<ApiKeyRecord> list() {
    return new ArrayList<>(byId.values());
  }

  @Override
  public void save(ApiKeyRecord key) {
    byId.put(key.keyId(), key);
  }
}
