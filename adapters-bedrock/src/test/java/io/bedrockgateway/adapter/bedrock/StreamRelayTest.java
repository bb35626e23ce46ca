package io.bedrockgateway.adapter.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ChatStreamSink;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.ClientCancelled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

/** How the relay hands a stream's events to the sink: alone, or together when they arrived so. */
class StreamRelayTest {
  private static final ModelId MODEL = new ModelId("anthropic.claude-test");
  private static final Duration IDLE = Duration.ofSeconds(30);

  private static final ConverseStreamOutput START =
      MessageStartEvent.builder().role("assistant").build();
  private static final ConverseStreamOutput HELLO =
      ContentBlockDeltaEvent.builder()
          .contentBlockIndex(0)
          .delta(ContentBlockDelta.fromText("Hello"))
          .build();
  private static final ConverseStreamOutput WORLD =
      ContentBlockDeltaEvent.builder()
          .contentBlockIndex(0)
          .delta(ContentBlockDelta.fromText(" world"))
          .build();
  private static final ConverseStreamOutput STOP =
      MessageStopEvent.builder().stopReason("end_turn").build();
  private static final ConverseStreamOutput METADATA =
      ConverseStreamMetadataEvent.builder()
          .usage(usage -> usage.inputTokens(12).outputTokens(40).totalTokens(52))
          .metrics(metrics -> metrics.latencyMs(812L))
          .build();

  /** What the sink was given, one entry per call: a list of one for accept, more for together. */
  private static final class Recording implements ChatStreamSink {
    final List<List<ChatStreamEvent>> calls = new ArrayList<>();
    final List<String> kinds = new ArrayList<>();
    Runnable onFirstAccept = () -> {};

    @Override
    public void accept(ChatStreamEvent event) {
      calls.add(List.of(event));
      kinds.add("accept");
      Runnable first = onFirstAccept;
      onFirstAccept = () -> {};
      first.run();
    }

    @Override
    public void acceptEvents(List<ChatStreamEvent> events) {
      calls.add(List.copyOf(events));
      kinds.add("together");
    }
  }

  @Test
  void eventsThatArrivedWhileTheSinkWasBusyReachItTogetherInOrder() throws Exception {
    StreamHandOff.Converse handOff = subscribed(new RecordedDemand());
    Recording sink = new Recording();
    handOff.onNext(START);
    sink.onFirstAccept =
        () -> {
          handOff.onNext(HELLO);
          handOff.onNext(WORLD);
          handOff.onNext(STOP);
          handOff.onNext(METADATA);
          handOff.onComplete();
        };

    StreamSummary summary = new StreamRelay(handOff, sink, IDLE, MODEL).relay();

    assertThat(sink.kinds).containsExactly("accept", "together", "accept", "accept");
    assertThat(sink.calls)
        .containsExactly(
            List.of(new ChatStreamEvent.MessageStart(Role.ASSISTANT)),
            List.of(
                new ChatStreamEvent.TextDelta(0, "Hello"),
                new ChatStreamEvent.TextDelta(0, " world")),
            List.of(new ChatStreamEvent.MessageStop(StopReason.END_TURN)),
            List.of(new ChatStreamEvent.Metadata(new TokenUsage(12, 40), 812)));
    assertThat(summary.stopReason()).isEqualTo(StopReason.END_TURN);
    assertThat(summary.usage()).isEqualTo(new TokenUsage(12, 40));
  }

  @Test
  void theEndOfTheAnswerAndTheUsageEachLeadABatchOfTheirOwn() throws Exception {
    StreamHandOff.Converse handOff = subscribed(new RecordedDemand());
    Recording sink = new Recording();
    handOff.onNext(START);
    handOff.onNext(HELLO);
    handOff.onNext(STOP);
    handOff.onNext(METADATA);
    handOff.onComplete();

    new StreamRelay(handOff, sink, IDLE, MODEL).relay();

    assertThat(sink.kinds).containsExactly("together", "accept", "accept");
    assertThat(sink.calls.getFirst()).hasSize(2);
    assertThat(handOff.upstreamEnded()).isTrue();
  }

  @Test
  void aSinkWhoseClientLeftInTheEventsBeforeTheUsageIsStillGivenTheUsage() {
    StreamHandOff.Converse handOff = subscribed(new RecordedDemand());
    handOff.onNext(START);
    handOff.onNext(HELLO);
    handOff.onNext(STOP);
    handOff.onNext(METADATA);
    handOff.onComplete();
    ClientCancelled clientLeft = new ClientCancelled(null);
    List<ChatStreamEvent> given = new ArrayList<>();
    ChatStreamSink leavingAtTheStop =
        event -> {
          given.add(event);
          if (event instanceof ChatStreamEvent.MessageStop) {
            throw clientLeft;
          }
        };

    assertThatThrownBy(() -> new StreamRelay(handOff, leavingAtTheStop, IDLE, MODEL).relay())
        .isSameAs(clientLeft);

    assertThat(given.getLast())
        .isEqualTo(new ChatStreamEvent.Metadata(new TokenUsage(12, 40), 812));
  }

  @Test
  void eventsHandledTogetherAreAskedForAgainSoTheWindowStaysFull() throws Exception {
    RecordedDemand demand = new RecordedDemand();
    StreamHandOff.Converse handOff = subscribed(demand);
    for (int i = 0; i < StreamHandOff.WINDOW; i++) {
      handOff.onNext(HELLO);
    }
    handOff.onNext(STOP);
    handOff.onNext(METADATA);
    handOff.onComplete();

    new StreamRelay(handOff, new Recording(), IDLE, MODEL).relay();

    // the end and the usage come on their own, two events: too few to ask for more
    assertThat(demand.requested)
        .containsExactly((long) StreamHandOff.WINDOW, (long) StreamHandOff.WINDOW);
  }

  private static StreamHandOff.Converse subscribed(RecordedDemand demand) {
    return RecordedDemand.subscribe(new StreamHandOff.Converse(), demand);
  }
}
