package io.bedrockgateway.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.key.KeyHash;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link KeyStore} must do; each implementation runs it against itself. */
public abstract class KeyStoreContract {

  /** A store holding exactly {@code keys}. */
  protected abstract KeyStore storeWith(List<ApiKeyRecord> keys);

  @Test
  void findsAKeyByTheHashOfItsSecret() {
    ApiKeySecret secret = new ApiKeySecret("bgw_" + UUID.randomUUID());
    ApiKeyRecord stored = ApiKeyRecord.configured(secret, TestPrincipals.unlimited().plan());

    KeyStore store = storeWith(List.of(stored));

    assertThat(store.findByHash(KeyHash.of(secret.value()))).contains(stored);
  }

  @Test
  void doesNotFindUnknownKeys() {
    ApiKeyRecord stored =
        ApiKeyRecord.configured(
            new ApiKeySecret("bgw_" + UUID.randomUUID()), TestPrincipals.unlimited().plan());

    KeyStore store = storeWith(List.of(stored));

    assertThat(store.findByHash(KeyHash.of("bgw_someone-else"))).isEmpty();
  }
}
