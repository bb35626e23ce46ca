package io.bedrockgateway.bootstrap.e2e;

import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.bootstrap.config.ConfigLoader;
import io.bedrockgateway.bootstrap.config.Environment;
import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.emulator.BedrockEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Whole gateways on MongoDB, wired as {@code main} wires them, against one emulator. */
final class MongoGateways implements AutoCloseable {
  static final String ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef";

  private final BedrockEmulator emulator;
  private final List<Gateway> running = new ArrayList<>();

  MongoGateways(BedrockEmulator emulator) {
    this.emulator = emulator;
  }

  /** A gateway on {@code mongoUri} spooling to {@code spool}, with more {@code variables}. */
  Gateway start(String mongoUri, Path spool, Map<String, String> variables) {
    Map<String, String> all = new HashMap<>(variables);
    all.put("PORT", "0");
    all.put("ADMIN_PORT", "0");
    all.putIfAbsent("KEY_ID_SECRET", TestGateways.KEY_ID_SECRET);
    all.put("MONGODB_URI", mongoUri);
    all.put("USAGE_SPOOL_DIR", spool.toString());
    all.put("ADMIN_TOKEN", ADMIN_TOKEN);
    GatewayConfig config = ConfigLoader.load(Environment.of(all));
    Gateway gateway =
        Gateway.start(
            config.withBedrock(
                config
                    .bedrock()
                    .withEndpointOverride(emulator.endpoint())
                    .withStaticCredentials("emulator", "emulator")));
    running.add(gateway);
    return gateway;
  }

  /** Stops a gateway as SIGTERM would: drains requests, flushes usage. */
  void stop(Gateway gateway) {
    if (running.remove(gateway)) {
      gateway.close();
    }
  }

  @Override
  public void close() {
    List.copyOf(running).forEach(this::stop);
  }
}
