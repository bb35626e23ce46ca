package io.bedrockgateway.bootstrap.e2e;

import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.bootstrap.config.ConfigLoader;
import io.bedrockgateway.bootstrap.config.Environment;
import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.emulator.BedrockEmulator;
import java.util.HashMap;
import java.util.Map;

/** Gateways configured as an operator would, on a free port, calling the emulator. */
final class TestGateways {
  private TestGateways() {}

  static Gateway start(BedrockEmulator emulator, Map<String, String> variables) {
    return Gateway.start(config(emulator, variables));
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
