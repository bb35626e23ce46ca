package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.KeyHash;
import io.bedrockgateway.domain.key.KeyId;
import java.util.List;
import java.util.Optional;

/**
 * Where API keys live, hashed: never the key itself. A store that cannot be reached throws {@link
 * io.bedrockgateway.domain.error.DependencyUnavailable}.
 */
public interface KeyStore {
  /** The key whose hash this is; stores may answer from a cache a few seconds old. */
  Optional<ApiKeyRecord> findByHash(KeyHash hash);

  Optional<ApiKeyRecord> findById(KeyId id);

  /** Every stored key, revoked and expired ones included, oldest first. */
  List<ApiKeyRecord> list();

  /** Stores a new key, or replaces the stored key with the same id. */
  void save(ApiKeyRecord key);
}
