package io.bedrockgateway.adapter.memory;

import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.application.port.out.KeyStoreContract;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import java.util.List;

class InMemoryKeyStoreTest extends KeyStoreContract {
  @Override
  protected KeyStore storeWith(List<ApiKeyRecord> keys) {
    return new InMemoryKeyStore(keys);
  }
}
