package io.bedrockgateway.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bedrockgateway.domain.json.JsonValue;
import io.bedrockgateway.domain.media.BinaryData;
import io.bedrockgateway.domain.media.ImageFormat;
import java.util.List;
import java.util.Map;
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
            List.of(new TextBlock("be brief"), new CachePoint()),
            InferenceParameters.DEFAULTS);

    assertThat(request.promptCharacters()).isEqualTo(5 + 2 + 8);
  }

  @Test
  void estimatesPromptTokensByScriptAndWithTools() {
    ChatRequest plain =
        new ChatRequest(
            Optional.empty(),
            List.of(ChatMessage.text(Role.USER, "Hello"), ChatMessage.text(Role.ASSISTANT, "日本語")),
            List.of(new TextBlock("be brief")),
            InferenceParameters.DEFAULTS);
    ChatRequest withTool =
        new ChatRequest(
            Optional.empty(),
            List.of(ChatMessage.text(Role.USER, "Hello")),
            List.of(),
            InferenceParameters.DEFAULTS,
            Optional.of(
                new ToolConfig(
                    List.of(
                        new ToolConfig.Tool(
                            "lookup",
                            Optional.empty(),
                            new JsonValue.JsonObject(
                                Map.of("type", new JsonValue.JsonString("object"))))),
                    Optional.empty())),
            Optional.empty());

    // 5 + 8 ASCII characters a quarter token each, 3 Japanese characters a token each
    assertThat(plain.estimatedPromptTokens()).isEqualTo(7);
    assertThat(plain.usesPromptCache()).isFalse();
    assertThat(withTool.estimatedPromptTokens()).isGreaterThan(2);
    assertThat(withTool.usesPromptCache()).isFalse();
  }

  @Test
  void findsAttachmentsAlsoInsideToolResults() {
    ImageBlock image = new ImageBlock(ImageFormat.PNG, new BinaryData(new byte[] {1, 2}));
    ChatRequest request =
        new ChatRequest(
            Optional.empty(),
            List.of(
                new ChatMessage(
                    Role.USER,
                    List.of(new ToolResultBlock("tool_1", List.of(image), Optional.empty())))),
            List.of(),
            InferenceParameters.DEFAULTS);

    assertThat(request.hasAttachment(ImageBlock.class)).isTrue();
    assertThat(request.hasAttachment(DocumentBlock.class)).isFalse();
  }

  @Test
  void toolNamesFollowBedrocksPattern() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ToolUseBlock("id 1", "get_weather", new JsonValue.JsonNull()))
        .withMessageContaining("toolUseId");
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
