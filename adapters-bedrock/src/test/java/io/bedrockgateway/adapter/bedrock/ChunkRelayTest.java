package io.bedrockgateway.adapter.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.invoke.InvocationChunk;
import io.bedrockgateway.domain.invoke.InvocationStreamSink;
import io.bedrockgateway.domain.invoke.InvocationSummary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.ResponseStream;

/** How the relay hands a stream's chunks to the sink: alone, or together when they arrived so. */
class ChunkRelayTest {
  private static final ModelId MODEL = new ModelId("anthropic.claude-test");

  @Test
  void chunksThatArrivedWhileTheSinkWasBusyReachItTogetherWithTheirUsage() throws Exception {
    RecordedDemand demand = new RecordedDemand();
    StreamHandOff.Invoke handOff = RecordedDemand.subscribe(new StreamHandOff.Invoke(), demand);
    List<String> calls = new ArrayList<>();
    InvocationStreamSink sink =
        new InvocationStreamSink() {
          @Override
          public void accept(InvocationChunk chunk) {
            calls.add("accept " + text(chunk));
            if (calls.size() == 1) {
              handOff.onNext(part("{\"type\":\"content_block_delta\",\"index\":0}"));
              handOff.onNext(part("{\"type\":\"message_delta\",\"usage\":{\"output_tokens\":40}}"));
              handOff.onNext(part("{\"type\":\"message_stop\"}"));
              handOff.onComplete();
            }
          }

          @Override
          public void acceptChunks(List<InvocationChunk> chunks) {
            calls.add("together " + chunks.size());
          }
        };
    handOff.onNext(
        part("{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":12}}}"));

    InvocationSummary summary =
        new ChunkRelay(handOff, sink, Duration.ofSeconds(30), MODEL).relay();

    assertThat(calls)
        .containsExactly(
            "accept {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":12}}}",
            "together 3");
    assertThat(summary.usage()).isPresent();
    assertThat(summary.usage().get().tokens()).isEqualTo(new TokenUsage(12, 40));
    assertThat(demand.requested).containsExactly((long) StreamHandOff.WINDOW);
  }

  private static ResponseStream part(String json) {
    return PayloadPart.builder().bytes(SdkBytes.fromUtf8String(json)).build();
  }

  private static String text(InvocationChunk chunk) {
    return new String(chunk.bytes(), StandardCharsets.UTF_8);
  }
}
