package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatedAnswer;
import io.bedrockgateway.emulator.EmulatorSettings;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's Python {@code BedrockService} (client/python/bedrock_service.py, standard library
 * only on the gateway path) run against real gateways on the emulator: its own unittest suite,
 * started as an application would start it. Skipped where there is no python3.
 */
class PythonClientEndToEndTest {
  private static final String KEY = "python-client-key-0123456789";
  private static final String LIMITED_KEY = "python-limited-key-0123456789";
  private static final Path SUITE = Path.of("..", "client", "python");

  @Test
  void thePythonServicePassesItsTestsAgainstARealGateway() throws Exception {
    assumeTrue(python3Runs(), "python3 is not installed");
    assertThat(SUITE.resolve("test_bedrock_service.py")).exists();
    try (BedrockEmulator behindGateway = BedrockEmulator.start(EmulatorSettings.onFreePort());
        BedrockEmulator direct = BedrockEmulator.start(EmulatorSettings.onFreePort());
        Gateway gateway =
            Gateway.start(
                TestGateways.config(
                    behindGateway, Map.of("API_KEYS", KEY, "RATE_LIMIT_REQUESTS", "0")));
        Gateway limited =
            Gateway.start(
                TestGateways.config(
                    behindGateway, Map.of("API_KEYS", LIMITED_KEY, "RATE_LIMIT_REQUESTS", "1")))) {
      ProcessBuilder python =
          new ProcessBuilder("python3", "-B", "-m", "unittest", "-v", "test_bedrock_service")
              .directory(SUITE.toFile())
              .redirectErrorStream(true);
      Map<String, String> env = python.environment();
      env.put("GATEWAY_URL", "http://127.0.0.1:" + gateway.port());
      env.put("GATEWAY_KEY", KEY);
      env.put("LIMITED_URL", "http://127.0.0.1:" + limited.port());
      env.put("LIMITED_KEY", LIMITED_KEY);
      env.put("CLOSED_URL", "http://127.0.0.1:" + closedPort());
      env.put("EXPECTED_TEXT", EmulatedAnswer.text("Hello there", 24));
      env.put("DIRECT_ENDPOINT", direct.endpoint().toString());
      File output = Files.createTempFile("python-client", ".log").toFile();
      output.deleteOnExit();
      python.redirectOutput(output);

      Process run = python.start();
      boolean ended = run.waitFor(5, TimeUnit.MINUTES); // a guard against a hang only
      if (!ended) {
        run.destroyForcibly();
      }
      String log = Files.readString(output.toPath(), StandardCharsets.UTF_8);

      assertThat(ended).as(log).isTrue();
      assertThat(run.exitValue()).as(log).isZero();
      assertThat(log).contains("OK").doesNotContain("FAILED");
    }
  }

  private static boolean python3Runs() {
    try {
      Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
