package io.bedrockgateway.adapter.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.ReasoningBlock;
import io.bedrockgateway.domain.chat.RedactedReasoningBlock;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.media.BinaryData;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;

class ConverseRequestMapperTest {
  private static final ModelId MODEL = new ModelId("anthropic.claude-sonnet-4-5-20250929-v1:0");

  private static final ChatRequest CONTINUED =
      new ChatRequest(
          Optional.empty(),
          List.of(
              ChatMessage.text(Role.USER, "Weather in Paris?"),
              new ChatMessage(
                  Role.ASSISTANT,
                  List.of(
                      new ReasoningBlock("I should look it up.", Optional.of("c2lnbmVk")),
                      new RedactedReasoningBlock(new BinaryData(new byte[] {4, 2})),
                      new TextBlock("Looking."))),
              ChatMessage.text(Role.USER, "Go on.")),
          List.of(),
          InferenceParameters.DEFAULTS);

  @Test
  void sendsTheReasoningOfAnAssistantTurnBackUnchanged() {
    ConverseRequest request = ConverseRequestMapper.toConverseRequest(MODEL, CONTINUED);

    assertReasoningSentBack(request.messages().get(1).content());
  }

  @Test
  void sendsItBackOnAStreamToo() {
    ConverseStreamRequest request = ConverseRequestMapper.toConverseStreamRequest(MODEL, CONTINUED);

    assertReasoningSentBack(request.messages().get(1).content());
  }

  private static void assertReasoningSentBack(List<ContentBlock> content) {
    assertThat(content).hasSize(3);
    ReasoningContentBlock signed = content.get(0).reasoningContent();
    assertThat(signed.reasoningText().text()).isEqualTo("I should look it up.");
    assertThat(signed.reasoningText().signature()).isEqualTo("c2lnbmVk");
    assertThat(content.get(1).reasoningContent().redactedContent().asByteArray())
        .containsExactly(4, 2);
    assertThat(content.get(2).text()).isEqualTo("Looking.");
  }
}
