package io.bedrockgateway.bootstrap;

import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.domain.key.ApiKeyGenerator;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.emulator.BedrockEmulator;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.List;

/** Points the gateway at an in-process emulator, with a demo key when none is configured. */
final class EmulatorMode {
  // The emulator checks no signature; real AWS credentials have no business going there.
  private static final String EMULATOR_ACCESS_KEY = "EMULATOR";
  private static final String EMULATOR_SECRET = "emulator-does-not-check-signatures";

  private EmulatorMode() {}

  static GatewayConfig apply(GatewayConfig config, BedrockEmulator emulator, PrintWriter console) {
    GatewayConfig local =
        config.withBedrock(
            config
                .bedrock()
                .withEndpointOverride(emulator.endpoint())
                .withStaticCredentials(EMULATOR_ACCESS_KEY, EMULATOR_SECRET));
    console.println("Bedrock emulator listening on " + emulator.endpoint());
    if (!config.apiKeys().isEmpty()) {
      return local;
    }
    ApiKeySecret demoKey = new ApiKeyGenerator(new SecureRandom()).generate();
    console.println("No API_KEYS set: generated a demo key for this run only:");
    console.println("  " + demoKey.value());
    return local.withApiKeys(List.of(demoKey));
  }
}
