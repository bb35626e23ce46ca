package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** Many slow streams at once, as a load test of the gateway would open them. */
class ConcurrencyTest {

  private static final int STREAMS = 200;

  @Test
  void twoHundredPacedStreamsAllCompleteWithTheirOwnAnswer() throws Exception {
    EmulatorSettings settings = EmulatorSettings.onFreePort().withTokenDelay(Duration.ofMillis(5));
    try (BedrockEmulator emulator = BedrockEmulator.start(settings);
        BedrockRuntimeAsyncClient client =
            SdkClients.asyncClient(
                emulator.endpoint(),
                http ->
                    // 200 connections opened at once on a busy machine: generous hang guards only
                    http.maxConcurrency(STREAMS)
                        .connectionTimeout(Duration.ofSeconds(30))
                        .connectionAcquisitionTimeout(Duration.ofSeconds(30)))) {
      List<StreamCapture> streams =
          IntStream.range(0, STREAMS)
              .mapToObj(
                  index ->
                      StreamCapture.start(client, "amazon.nova-lite-v1:0", "Question " + index))
              .toList();

      for (int index = 0; index < STREAMS; index++) {
        StreamCapture stream = streams.get(index);
        assertThat(stream.awaitEnd()).as("stream %d", index).isEmpty();
        assertThat(stream.text()).isEqualTo(EmulatedAnswer.text("Question " + index));
      }
      assertThat(emulator.recordedRequests()).hasSize(STREAMS);
    }
  }
}
