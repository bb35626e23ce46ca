package io.bedrockgateway.bootstrap;

import io.bedrockgateway.adapter.mongo.MongoStores;
import io.bedrockgateway.application.port.in.ManageKeysUseCase;
import io.bedrockgateway.application.service.ManageKeysService;
import io.bedrockgateway.bootstrap.config.ConfigException;
import io.bedrockgateway.bootstrap.config.ConfigLoader;
import io.bedrockgateway.bootstrap.config.Environment;
import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.key.ApiKeyGenerator;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The key store the gateway is configured with ({@code MONGODB_URI}), opened for one command line
 * operation and closed after it.
 */
final class ConfiguredKeyStore {
  static final int DONE = 0;
  static final int FAILED = 1;
  static final int MISCONFIGURED = 2;

  private final Supplier<Environment> environment;

  ConfiguredKeyStore(Supplier<Environment> environment) {
    this.environment = environment;
  }

  /** Runs {@code work} against the store; problems are told on {@code err} and in the exit code. */
  int run(PrintWriter err, Function<ManageKeysUseCase, Integer> work) {
    GatewayConfig config;
    try {
      config = ConfigLoader.load(environment.get());
    } catch (ConfigException invalid) {
      err.println("Configuration error: " + invalid.getMessage());
      return MISCONFIGURED;
    }
    if (config.mongo().isEmpty()) {
      err.println(
          "MONGODB_URI is not set: keys are managed in the MongoDB the gateways share;"
              + " without it they would live only in this command's memory.");
      return MISCONFIGURED;
    }
    Clock clock = Clock.systemUTC();
    try (MongoStores stores = MongoStores.connect(config.mongo().get(), clock)) {
      return work.apply(
          new ManageKeysService(
              stores.keyStore(config.plans()),
              config.plans(),
              new ApiKeyGenerator(new SecureRandom()),
              clock));
    } catch (GatewayException refused) {
      err.println(Optional.ofNullable(refused.getMessage()).orElse(refused.kind()));
      return FAILED;
    }
  }
}
