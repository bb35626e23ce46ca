package io.bedrockgateway.adapter.memory;

import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.application.port.out.KeyStoreContract;
import io.bedrockgateway.domain.plan.PlanCatalog;

class InMemoryKeyStoreTest extends KeyStoreContract {
  /** Keys are kept as saved, their plans resolved already. */
  @Override
  protected KeyStore emptyStore(PlanCatalog plans) {
    return new InMemoryKeyStore();
  }
}
