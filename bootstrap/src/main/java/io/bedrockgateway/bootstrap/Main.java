package io.bedrockgateway.bootstrap;

import io.bedrockgateway.bootstrap.config.ConfigException;
import io.bedrockgateway.bootstrap.config.ConfigLoader;
import io.bedrockgateway.bootstrap.config.Environment;
import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatorSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar bedrock-gateway.jar [--emulator]}, and {@code keys ...} for operators. */
@Command(
    name = "bedrock-gateway",
    mixinStandardHelpOptions = true,
    description = "An LLM gateway in front of AWS Bedrock. Configured by environment variables.")
public final class Main implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final String GUICE_BYTECODE_GEN = "guice_bytecode_gen_option";

  @Option(
      names = "--emulator",
      description =
          "Start a local Bedrock emulator in-process and send every model call to it"
              + " (offline demo; no AWS account needed).")
  boolean emulator;

  @Option(
      names = "--emulator-token-delay-ms",
      defaultValue = "30",
      description = "With --emulator: delay between streamed tokens (default ${DEFAULT-VALUE}).")
  long emulatorTokenDelayMs;

  public static void main(String[] args) {
    // Guice's generated classes (for method interception, unused here) are defined through
    // sun.misc.Unsafe, which JDK 24+ warns about at every start; reflection serves the same.
    if (System.getProperty(GUICE_BYTECODE_GEN) == null) {
      System.setProperty(GUICE_BYTECODE_GEN, "DISABLED");
    }
    System.exit(commandLine(() -> Environment.load(System.getenv(), Path.of(""))).execute(args));
  }

  /** The gateway's command line, its settings read from {@code environment} when run. */
  static CommandLine commandLine(Supplier<Environment> environment) {
    return new CommandLine(new Main(environment))
        .addSubcommand(KeysCommand.commandLine(new ConfiguredKeyStore(environment)));
  }

  private final Supplier<Environment> environment;

  private Main(Supplier<Environment> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    GatewayConfig config;
    try {
      config = ConfigLoader.load(environment.get());
    } catch (ConfigException invalid) {
      System.err.println("Configuration error: " + invalid.getMessage());
      return 2;
    }
    BedrockEmulator localBedrock = null;
    if (emulator) {
      localBedrock =
          BedrockEmulator.start(
              EmulatorSettings.onFreePort()
                  .withTokenDelay(Duration.ofMillis(emulatorTokenDelayMs)));
      config = EmulatorMode.apply(config, localBedrock, new PrintWriter(System.out, true));
    }
    StorageNotice.announce(config, LOG);
    Gateway gateway = Gateway.start(config);
    LOG.info(
        "Bedrock Gateway listening on port {}; admin listener on port {}",
        gateway.port(),
        gateway.adminPort());
    serveUntilTerminated(gateway, localBedrock);
    return 0;
  }

  /** Serves until SIGTERM or SIGINT, then drains running requests and exits with 0. */
  private static void serveUntilTerminated(Gateway gateway, AutoCloseable localBedrock)
      throws InterruptedException {
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .unstarted(
                    () -> {
                      LOG.info("Shutting down: letting running requests finish");
                      gateway.close();
                      closeQuietly(localBedrock);
                      LOG.info("Stopped");
                      // The JVM would report a terminated process as 143; a drained one exits
                      // clean.
                      Runtime.getRuntime().halt(0);
                    }));
    new CountDownLatch(1).await();
  }

  private static void closeQuietly(AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception ignored) {
      LOG.debug("closing {} failed", resource, ignored);
    }
  }
}
