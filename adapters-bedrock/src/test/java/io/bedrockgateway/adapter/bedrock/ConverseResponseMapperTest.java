package io.bedrockgateway.adapter.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.ReasoningBlock;
import io.bedrockgateway.domain.chat.RedactedReasoningBlock;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.media.BinaryData;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;

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
    ConverseResponse response = answer("end_turn", ContentBlock.fromText("Hello"));

    assertThat(ConverseResponseMapper.toChatResponse(response, new ModelId("m.model")).usage())
        .isEqualTo(new TokenUsage(12, 40, 1_024, 8));
  }

  @Test
  void keepsTheReasoningOfAnAnswerWithItsSignatureAndItsRedactedReasoning() {
    ConverseResponse response =
        answer(
            "end_turn",
            ContentBlock.fromReasoningContent(
                ReasoningContentBlock.fromReasoningText(
                    ReasoningTextBlock.builder()
                        .text("Let me think.")
                        .signature("c2lnbmVk")
                        .build())),
            ContentBlock.fromReasoningContent(
                ReasoningContentBlock.fromRedactedContent(
                    SdkBytes.fromByteArray(new byte[] {7, 8, 9}))),
            ContentBlock.fromText("Hello"));

    assertThat(
            ConverseResponseMapper.toChatResponse(response, new ModelId("m.model"))
                .message()
                .content())
        .containsExactly(
            new ReasoningBlock("Let me think.", Optional.of("c2lnbmVk")),
            new RedactedReasoningBlock(new BinaryData(new byte[] {7, 8, 9})),
            new TextBlock("Hello"));
  }

  @Test
  void anAnswerOfReasoningAloneIsStillAnAnswer() {
    ConverseResponse response =
        answer(
            "max_tokens",
            ContentBlock.fromReasoningContent(
                ReasoningContentBlock.fromReasoningText(
                    ReasoningTextBlock.builder().text("Hmm.").build())));

    assertThat(
            ConverseResponseMapper.toChatResponse(response, new ModelId("m.model"))
                .message()
                .content())
        .containsExactly(new ReasoningBlock("Hmm.", Optional.empty()));
  }

  @Test
  void passesTheReasoningOfAStreamOnWithItsSignatureAndRedactedReasoning() {
    assertThat(
            ConverseResponseMapper.toStreamEvent(
                reasoningDelta(0, ReasoningContentBlockDelta.fromText("Let me think."))))
        .contains(new ChatStreamEvent.ReasoningDelta(0, "Let me think."));
    assertThat(
            ConverseResponseMapper.toStreamEvent(
                reasoningDelta(0, ReasoningContentBlockDelta.fromSignature("c2ln"))))
        .contains(new ChatStreamEvent.ReasoningSignatureDelta(0, "c2ln"));
    assertThat(
            ConverseResponseMapper.toStreamEvent(
                reasoningDelta(
                    1,
                    ReasoningContentBlockDelta.fromRedactedContent(
                        SdkBytes.fromByteArray(new byte[] {1, 2})))))
        .contains(new ChatStreamEvent.RedactedReasoningDelta(1, new BinaryData(new byte[] {1, 2})));
    assertThat(
            ConverseResponseMapper.toStreamEvent(
                reasoningDelta(0, ReasoningContentBlockDelta.fromSignature(""))))
        .isEmpty();
  }

  private static ConverseResponse answer(String stopReason, ContentBlock... content) {
    return ConverseResponse.builder()
        .output(
            ConverseOutput.fromMessage(
                Message.builder().role("assistant").content(content).build()))
        .stopReason(stopReason)
        .usage(CACHED)
        .build();
  }

  private static ConverseStreamOutput reasoningDelta(int index, ReasoningContentBlockDelta delta) {
    return ConverseStreamOutput.contentBlockDeltaBuilder()
        .contentBlockIndex(index)
        .delta(ContentBlockDelta.fromReasoningContent(delta))
        .build();
  }

  @Test
  void keepsThePromptCacheTokensOfAStreamsMetadata() {
    ConverseStreamOutput metadata = ConverseStreamOutput.metadataBuilder().usage(CACHED).build();

    assertThat(ConverseResponseMapper.toStreamEvent(metadata))
        .contains(new ChatStreamEvent.Metadata(new TokenUsage(12, 40, 1_024, 8), 0));
  }
}
