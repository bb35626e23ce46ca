package io.bedrockgateway.bootstrap.e2e;

import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.bootstrap.config.ConfigLoader;
import io.bedrockgateway.bootstrap.config.Environment;
import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatorSettings;
import java.util.HashMap;
import java.util.Map;

/** Gateways configured as an operator would, on a free port, calling the emulator. */
final class TestGateways {
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

  static Gateway start(Map<String, String> variables) {
    return Gateway.start(config(emulator(), variables));
  }

  static GatewayConfig config(BedrockEmulator emulator, Map<String, String> variables) {
    Map<String, String> all = new HashMap<>(variables);
    all.put("PORT", "0");
    GatewayConfig config = ConfigLoader.load(Environment.of(all));
    return config.withBedrock(
        config
            .bedrock()
            .withEndpointOverride(emulator.endpoint())
            .withStaticCredentials("emulator", "emulator"));
  }
}
