package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.KeyHash;
import java.util.Optional;

/** Where API keys live, by hash only. */
public interface KeyStore {
  Optional<ApiKeyRecord> findByHash(KeyHash hash);
}
