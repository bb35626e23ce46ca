package io.bedrockgateway.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.key.KeyId;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class KeyIdDerivationTest {
  private static final ApiKeySecret KEY = new ApiKeySecret("team-key-0123456789");
  private static final KeyIdDerivation IDS = new KeyIdDerivation("server-secret-0123456789");

  @Test
  void theSameKeyAndSecretGiveTheSameIdOnEveryInstance() {
    KeyId id = IDS.idOf(KEY);

    assertThat(id.value()).hasSize(16).matches("[0-9a-f]+");
    assertThat(new KeyIdDerivation("server-secret-0123456789").idOf(KEY)).isEqualTo(id);
    assertThat(IDS.idOf(new ApiKeySecret("team-key-0123456780"))).isNotEqualTo(id);
  }

  @Test
  void withoutTheSecretTheIdTellsNothingOfTheKey() {
    KeyId id = IDS.idOf(KEY);

    assertThat(KEY.hash().hex()).doesNotContain(id.value());
    assertThat(new KeyIdDerivation("another-secret-0123456789").idOf(KEY)).isNotEqualTo(id);
    assertThat(KeyIdDerivation.random(new SecureRandom()).idOf(KEY)).isNotEqualTo(id);
  }

  @Test
  void theSecretIsLongAndNeverPrinted() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new KeyIdDerivation("short"))
        .withMessageContaining("16");
    assertThat(IDS.toString()).doesNotContain("server-secret");
  }
}
