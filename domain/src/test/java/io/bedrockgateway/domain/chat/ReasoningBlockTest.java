package io.bedrockgateway.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bedrockgateway.domain.media.BinaryData;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReasoningBlockTest {

  private static final BinaryData OPAQUE = new BinaryData(new byte[] {1, 2, 3, 4});

  @Test
  void keepsTextAndSignature() {
    ReasoningBlock block = new ReasoningBlock("Let me think.", Optional.of("c2lnbmVk"));

    assertThat(block.text()).isEqualTo("Let me think.");
    assertThat(block.signature()).contains("c2lnbmVk");
  }

  @Test
  void mayBeASignatureAlone() {
    assertThat(new ReasoningBlock("", Optional.of("c2lnbmVk")).text()).isEmpty();
  }

  @Test
  void refusesNothingAtAll() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ReasoningBlock("", Optional.empty()))
        .withMessageContaining("text or a signature");
  }

  @Test
  void refusesABlankSignature() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ReasoningBlock("thinking", Optional.of(" ")))
        .withMessageContaining("signature");
  }

  @Test
  void belongsToAssistantTurnsOnly() {
    assertThat(
            new ChatMessage(
                    Role.ASSISTANT,
                    List.of(
                        new ReasoningBlock("thinking", Optional.of("sig")),
                        new RedactedReasoningBlock(OPAQUE),
                        new TextBlock("answer")))
                .content())
        .hasSize(3);
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ChatMessage(
                    Role.USER, List.of(new ReasoningBlock("thinking", Optional.of("sig")))))
        .withMessageContaining("assistant");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ChatMessage(Role.USER, List.of(new RedactedReasoningBlock(OPAQUE))))
        .withMessageContaining("assistant");
  }

  @Test
  void streamEventsGuardTheirParts() {
    assertThat(new ChatStreamEvent.ReasoningSignatureDelta(1, "sig").signature()).isEqualTo("sig");
    assertThat(new ChatStreamEvent.RedactedReasoningDelta(0, OPAQUE).data()).isEqualTo(OPAQUE);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ChatStreamEvent.ReasoningSignatureDelta(0, ""))
        .withMessageContaining("signature");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ChatStreamEvent.ReasoningSignatureDelta(-1, "sig"))
        .withMessageContaining("index");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ChatStreamEvent.RedactedReasoningDelta(-1, OPAQUE))
        .withMessageContaining("index");
  }

  @Test
  void reasoningSentBackCountsTowardsThePrompt() {
    ChatRequest without =
        new ChatRequest(
            Optional.empty(),
            List.of(ChatMessage.text(Role.USER, "Hello"), ChatMessage.text(Role.ASSISTANT, "Hi")),
            List.of(),
            InferenceParameters.DEFAULTS);
    ChatRequest with =
        new ChatRequest(
            Optional.empty(),
            List.of(
                ChatMessage.text(Role.USER, "Hello"),
                new ChatMessage(
                    Role.ASSISTANT,
                    List.of(
                        new ReasoningBlock("a long careful thought", Optional.of("sig")),
                        new RedactedReasoningBlock(OPAQUE),
                        new TextBlock("Hi")))),
            List.of(),
            InferenceParameters.DEFAULTS);

    assertThat(with.promptCharacters())
        .isEqualTo(without.promptCharacters() + "a long careful thought".length() + 4);
    assertThat(with.estimatedPromptTokens()).isGreaterThan(without.estimatedPromptTokens());
  }
}
