package io.bedrockgateway.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Startup settings of a {@link BedrockEmulator}.
 *
 * @param host the address to listen on ({@code 0.0.0.0} for every interface)
 * @param port the TCP port to listen on; {@code 0} picks a free port
 * @param timeToFirstToken the delay before the first token of every answer
 * @param tokenDelay the delay between two consecutive tokens of an answer
 * @param answerTokens the length, in tokens, of an answer when the request does not ask for one
 */
public record EmulatorSettings(
    String host, int port, Duration timeToFirstToken, Duration tokenDelay, int answerTokens) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 4010;
  private static final int MAX_PORT = 65_535;

  public EmulatorSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
    Objects.requireNonNull(tokenDelay, "tokenDelay");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > MAX_PORT) {
      throw new IllegalArgumentException("port must be between 0 and " + MAX_PORT + ": " + port);
    }
    if (timeToFirstToken.isNegative()) {
      throw new IllegalArgumentException(
          "timeToFirstToken must not be negative: " + timeToFirstToken);
    }
    if (tokenDelay.isNegative()) {
      throw new IllegalArgumentException("tokenDelay must not be negative: " + tokenDelay);
    }
    if (answerTokens < 1) {
      throw new IllegalArgumentException("answerTokens must be at least 1: " + answerTokens);
    }
  }

  /**
   * Listens on 127.0.0.1:4010 and answers instantly with {@value EmulatedAnswer#DEFAULT_TOKENS}
   * tokens.
   */
  public static EmulatorSettings defaults() {
    return new EmulatorSettings(
        DEFAULT_HOST, DEFAULT_PORT, Duration.ZERO, Duration.ZERO, EmulatedAnswer.DEFAULT_TOKENS);
  }

  /** Like {@link #defaults()}, on a free port: what tests usually want. */
  public static EmulatorSettings onFreePort() {
    return defaults().withPort(0);
  }

  public EmulatorSettings withHost(String newHost) {
    return new EmulatorSettings(newHost, port, timeToFirstToken, tokenDelay, answerTokens);
  }

  public EmulatorSettings withPort(int newPort) {
    return new EmulatorSettings(host, newPort, timeToFirstToken, tokenDelay, answerTokens);
  }

  public EmulatorSettings withTimeToFirstToken(Duration newTimeToFirstToken) {
    return new EmulatorSettings(host, port, newTimeToFirstToken, tokenDelay, answerTokens);
  }

  public EmulatorSettings withTokenDelay(Duration newTokenDelay) {
    return new EmulatorSettings(host, port, timeToFirstToken, newTokenDelay, answerTokens);
  }

  public EmulatorSettings withAnswerTokens(int newAnswerTokens) {
    return new EmulatorSettings(host, port, timeToFirstToken, tokenDelay, newAnswerTokens);
  }
}
