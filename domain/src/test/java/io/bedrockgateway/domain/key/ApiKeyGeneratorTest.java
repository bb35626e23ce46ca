package io.bedrockgateway.domain.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyGeneratorTest {

  @Test
  void makesDistinctKeysInTheGatewayFormat() {
    ApiKeyGenerator generator = new ApiKeyGenerator(new SecureRandom());
    Set<String> keys = new HashSet<>();

    for (int i = 0; i < 1_000; i++) {
      String key = generator.generate().value();
      assertThat(key).matches("bgw_[0-9A-Za-z]{12}_[0-9A-Za-z]{43}");
      keys.add(key);
    }

    assertThat(keys).hasSize(1_000);
  }
}
