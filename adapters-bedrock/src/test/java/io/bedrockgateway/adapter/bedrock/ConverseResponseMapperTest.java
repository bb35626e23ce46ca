package io.bedrockgateway.adapter.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlockDelta;

class ConverseResponseMapperTest {
  private static final software.amazon.awssdk.services.bedrockruntime.model.TokenUsage CACHED =
      software.amazon.awssdk.services.bedrockruntime.model.TokenUsage.builder()
          .inputTokens(12)
          .outputTokens(40)
          .totalTokens(1_084)
          .cacheReadInputTokens(1_024)
          .cacheWriteInputTokens(8)
          .build();

  @Test
  void keepsThePromptCacheTokensOfAnAnswer() {
    ConverseResponse response =
        ConverseResponse.builder()
            .output(
                ConverseOutput.fromMessage(
                    Message.builder()
                        .role("assistant")
                        .content(ContentBlock.fromText("Hello"))
                        .build()))
            .stopReason("end_turn")
            .usage(CACHED)
            .build();

    assertThat(ConverseResponseMapper.toChatResponse(response, new ModelId("m.model")).usage())
        .isEqualTo(new TokenUsage(12, 40, 1_024, 8));
  }

  @Test
  void passesTheReasoningOfAStreamOnAndSkipsItsSignature() {
    ConverseStreamOutput reasoning =
        ConverseStreamOutput.contentBlockDeltaBuilder()
            .contentBlockIndex(0)
            .delta(
                ContentBlockDelta.fromReasoningContent(
                    ReasoningContentBlockDelta.fromText("Let me think.")))
            .build();
    ConverseStreamOutput signature =
        ConverseStreamOutput.contentBlockDeltaBuilder()
            .contentBlockIndex(0)
            .delta(
                ContentBlockDelta.fromReasoningContent(
                    ReasoningContentBlockDelta.fromSignature("c2ln")))
            .build();

    assertThat(ConverseResponseMapper.toStreamEvent(reasoning))
        .contains(new ChatStreamEvent.ReasoningDelta(0, "Let me think."));
    assertThat(ConverseResponseMapper.toStreamEvent(signature)).isEmpty();
  }

  @Test
  void keepsThePromptCacheTokensOfAStreamsMetadata() {
    ConverseStreamOutput metadata = ConverseStreamOutput.metadataBuilder().usage(CACHED).build();

    assertThat(ConverseResponseMapper.toStreamEvent(metadata))
        .contains(new ChatStreamEvent.Metadata(new TokenUsage(12, 40, 1_024, 8), 0));
  }
}
