package io.bedrockgateway.emulator;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs a {@link BedrockEmulator} until the process is stopped. */
@Command(
    name = "bedrock-emulator",
    description =
        "Serves Bedrock Runtime Converse and ConverseStream locally with deterministic answers.")
public final class BedrockEmulatorMain implements Callable<Integer> {

  private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

  @Spec private CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean helpRequested;

  @Option(
      names = "--host",
      defaultValue = EmulatorSettings.DEFAULT_HOST,
      description =
          "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
  private String host;

  @Option(
      names = "--port",
      defaultValue = "" + EmulatorSettings.DEFAULT_PORT,
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--ttft-ms",
      defaultValue = "0",
      description = "Time to first token, in milliseconds (default: ${DEFAULT-VALUE}).")
  private long timeToFirstTokenMillis;

  @Option(
      names = "--token-delay-ms",
      defaultValue = "0",
      description = "Delay between two tokens, in milliseconds (default: ${DEFAULT-VALUE}).")
  private long tokenDelayMillis;

  @Option(
      names = "--answer-tokens",
      defaultValue = "" + EmulatedAnswer.DEFAULT_TOKENS,
      description = "Answer length in tokens when a request sets none (default: ${DEFAULT-VALUE}).")
  private int answerTokens;

  public static void main(String[] args) {
    if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
      // Not logback.xml: this jar is also a library, and must not impose its logging on its users.
      System.setProperty(LOGBACK_CONFIGURATION, "bedrock-emulator-logback.xml");
    }
    int exitCode =
        new CommandLine(new BedrockEmulatorMain())
            .setExecutionExceptionHandler(
                (failure, command, parseResult) -> {
                  command
                      .getErr()
                      .println("Bedrock emulator failed to start: " + failure.getMessage());
                  return CommandLine.ExitCode.SOFTWARE;
                })
            .execute(args);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    BedrockEmulator emulator = BedrockEmulator.start(settings());
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "bedrock-emulator-shutdown"));
    spec.commandLine().getOut().println("Bedrock emulator listening on " + emulator.endpoint());
    spec.commandLine().getOut().flush();
    // The server runs on virtual threads, which do not keep the JVM alive.
    Thread.currentThread().join();
    return 0;
  }

  private EmulatorSettings settings() {
    try {
      return new EmulatorSettings(
          host,
          port,
          Duration.ofMillis(timeToFirstTokenMillis),
          Duration.ofMillis(tokenDelayMillis),
          answerTokens);
    } catch (IllegalArgumentException invalid) {
      throw new ParameterException(spec.commandLine(), invalid.getMessage(), invalid);
    }
  }
}
