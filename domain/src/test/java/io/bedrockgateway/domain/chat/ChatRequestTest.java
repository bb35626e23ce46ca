package io.bedrockgateway.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatRequestTest {

  @Test
  void needsAtLeastOneMessage() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ChatRequest(
                    Optional.empty(), List.of(), List.of(), InferenceParameters.DEFAULTS))
        .withMessageContaining("messages");
  }

  @Test
  void countsPromptCharactersOfMessagesAndSystem() {
    ChatRequest request =
        new ChatRequest(
            Optional.empty(),
            List.of(ChatMessage.text(Role.USER, "Hello"), ChatMessage.text(Role.ASSISTANT, "Hi")),
            List.of("be brief"),
            InferenceParameters.DEFAULTS);

    assertThat(request.promptCharacters()).isEqualTo(5 + 2 + 8);
  }

  @Test
  void theModelMustBeResolvedBeforeItIsRequired() {
    ChatRequest request =
        new ChatRequest(
            Optional.empty(),
            List.of(ChatMessage.text(Role.USER, "Hello")),
            List.of(),
            InferenceParameters.DEFAULTS);

    assertThatIllegalStateException().isThrownBy(request::requireModel);
    ModelId model = new ModelId("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
    assertThat(request.withModel(model).requireModel()).isEqualTo(model);
  }

  @Test
  void textBlocksMustHoldText() {
    assertThatIllegalArgumentException().isThrownBy(() -> new TextBlock("  "));
  }

  @Test
  void stopReasonsMapFromTheirWireNames() {
    assertThat(StopReason.fromWireName("max_tokens")).isEqualTo(StopReason.MAX_TOKENS);
    assertThat(StopReason.fromWireName("something_new")).isEqualTo(StopReason.UNKNOWN);
  }
}
