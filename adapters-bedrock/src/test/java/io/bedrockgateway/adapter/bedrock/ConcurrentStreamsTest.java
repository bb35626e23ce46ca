package io.bedrockgateway.adapter.bedrock;

import static io.bedrockgateway.adapter.bedrock.TestRequests.NOVA_ROUTE;
import static io.bedrockgateway.adapter.bedrock.TestRequests.ask;
import static io.bedrockgateway.adapter.bedrock.TestRequests.settings;
import static io.bedrockgateway.adapter.bedrock.TestRequests.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatedAnswer;
import io.bedrockgateway.emulator.EmulatorSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConcurrentStreamsTest {
  private static final RecordingUpstream UPSTREAM = new RecordingUpstream();

  private static final int STREAMS = 200;
  private static final int TOKENS = 20;

  @Test
  void manySlowStreamsFromVirtualThreadsAllCompleteWithTheirOwnText() throws Exception {
    try (BedrockEmulator emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
        BedrockModelInvoker invoker =
            BedrockModelInvoker.create(settings(emulator.endpoint()), UPSTREAM);
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {

      List<String> prompts =
          IntStream.range(0, STREAMS)
              .mapToObj(
                  index ->
                      "Question number "
                          + index
                          + " [emulator:tokens="
                          + TOKENS
                          + "] [emulator:token-delay-ms=20]")
              .toList();
      List<Future<String>> answers =
          prompts.stream()
              .map(
                  prompt ->
                      callers.submit(
                          () -> {
                            List<ChatStreamEvent> events = new ArrayList<>();
                            invoker.converseStream(NOVA_ROUTE, ask(prompt), events::add);
                            return text(events);
                          }))
              .toList();

      for (int index = 0; index < STREAMS; index++) {
        assertThat(answers.get(index).get())
            .isEqualTo(EmulatedAnswer.text(prompts.get(index), TOKENS));
      }
    }
  }
}
