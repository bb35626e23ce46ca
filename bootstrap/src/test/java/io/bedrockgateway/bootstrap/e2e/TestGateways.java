package io.bedrockgateway.bootstrap.e2e;

import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.bootstrap.config.ConfigLoader;
import io.bedrockgateway.bootstrap.config.Environment;
import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.bootstrap.config.KeyIdDerivation;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatorSettings;
import java.util.HashMap;
import java.util.Map;

/** Gateways configured as an operator would, on a free port, calling the emulator. */
final class TestGateways {
  static final String KEY_ID_SECRET = "e2e-key-id-secret-0123456789";
  private static BedrockEmulator shared;

  private TestGateways() {}

  /** One emulator for the test classes that need nothing of their own from it; stops at exit. */
  static synchronized BedrockEmulator emulator() {
    if (shared == null) {
      shared = BedrockEmulator.start(EmulatorSettings.onFreePort());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  /** The id a gateway of these tests gives a key of its {@code API_KEYS}. */
  static KeyId keyIdOf(String apiKey) {
    return new KeyIdDerivation(KEY_ID_SECRET).idOf(new ApiKeySecret(apiKey));
  }

  static Gateway start(Map<String, String> variables) {
    return Gateway.start(config(emulator(), variables));
  }

  static GatewayConfig config(BedrockEmulator emulator, Map<String, String> variables) {
    Map<String, String> all = new HashMap<>(variables);
    all.put("PORT", "0");
    all.put("ADMIN_PORT", "0");
    all.putIfAbsent("KEY_ID_SECRET", KEY_ID_SECRET);
    GatewayConfig config = ConfigLoader.load(Environment.of(all));
    return config.withBedrock(
        config
            .bedrock()
            .withEndpointOverride(emulator.endpoint())
            .withStaticCredentials("emulator", "emulator"));
  }
}
