package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netty.handler.timeout.ReadTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** {@code [emulator:stall-after=N]}: a stream that goes silent, for idle-timeout tests. */
class StallTest {

  @Test
  void aClientWithAReadTimeoutSeesTheDeltasThenTimesOut() throws Exception {
    try (BedrockEmulator emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
        BedrockRuntimeAsyncClient client =
            SdkClients.asyncClient(
                emulator.endpoint(), http -> http.readTimeout(Duration.ofMillis(500)))) {
      StreamCapture stream =
          StreamCapture.start(client, "amazon.nova-lite-v1:0", "Hello [emulator:stall-after=2]");

      Optional<Throwable> error = stream.awaitEnd();

      assertThat(stream.events())
          .containsExactly("messageStart:assistant", "contentBlockDelta:0", "contentBlockDelta:0");
      assertThat(error).isPresent();
      assertThat(error.get()).hasRootCauseInstanceOf(ReadTimeoutException.class);
    }
  }

  @Test
  void closingTheEmulatorEndsAStalledStream() {
    BedrockEmulator emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
    CompletableFuture<HttpResponse<byte[]>> stalled =
        CompletableFuture.supplyAsync(
            () ->
                RawHttp.post(
                    emulator.endpoint(),
                    "/model/amazon.nova-lite-v1%3A0/converse-stream",
                    ConverseBodies.userSays("Hello [emulator:stall-after=1]")));

    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          awaitRecordedRequest(emulator);
          emulator.close();
          assertThat(stalled.handle((response, error) -> "ended"))
              .succeedsWithin(Duration.ofSeconds(10));
        });
  }

  private static void awaitRecordedRequest(BedrockEmulator emulator) throws InterruptedException {
    while (emulator.recordedRequests().isEmpty()) {
      Thread.sleep(10);
    }
  }
}
