package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Time to first token and token delay, from the settings or per request. Only lower bounds are
 * asserted: the emulator never answers sooner than asked, and upper bounds are left to benchmarks.
 */
class PacingTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void settingsPaceEveryAnswer() throws Exception {
    EmulatorSettings settings =
        EmulatorSettings.onFreePort()
            .withTimeToFirstToken(Duration.ofMillis(150))
            .withTokenDelay(Duration.ofMillis(20))
            .withAnswerTokens(6);
    try (BedrockEmulator emulator = BedrockEmulator.start(settings)) {
      long latencyMs = converseLatencyMs(emulator, "Hello");

      assertThat(latencyMs).isGreaterThanOrEqualTo(150 + 5 * 20);
    }
  }

  @Test
  void directivesOverrideTheSettingsForOneRequest() throws Exception {
    try (BedrockEmulator emulator = BedrockEmulator.start(EmulatorSettings.onFreePort())) {
      long latencyMs =
          converseLatencyMs(
              emulator,
              "Hello [emulator:ttft-ms=120] [emulator:token-delay-ms=30] [emulator:tokens=4]");

      assertThat(latencyMs).isGreaterThanOrEqualTo(120 + 3 * 30);
    }
  }

  private static long converseLatencyMs(BedrockEmulator emulator, String prompt) throws Exception {
    long start = System.nanoTime();
    HttpResponse<byte[]> response =
        RawHttp.post(emulator.endpoint(), "/model/m/converse", ConverseBodies.userSays(prompt));
    long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
    long reportedMs = MAPPER.readTree(response.body()).path("metrics").path("latencyMs").asLong();
    assertThat(elapsedMs).isGreaterThanOrEqualTo(reportedMs);
    return reportedMs;
  }
}
