package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** Claude's extended thinking through Converse and ConverseStream, with the real SDK. */
class ConverseReasoningTest {
  private static final String CLAUDE = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
  private static final String QUESTION =
      "Weather in Paris? [emulator:tool-use] [emulator:tokens=2]";
  private static final Document THINKING = thinking(2_048);
  private static final ToolConfiguration TOOLS =
      ToolConfiguration.builder()
          .tools(
              Tool.fromToolSpec(
                  ToolSpecification.builder()
                      .name("weather")
                      .inputSchema(
                          ToolInputSchema.fromJson(
                              Document.fromMap(Map.of("type", Document.fromString("object")))))
                      .build()))
          .build();

  private static BedrockEmulator emulator;
  private static BedrockRuntimeAsyncClient client;

  @BeforeAll
  static void startEmulator() {
    emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
    client = SdkClients.asyncClient(emulator.endpoint());
  }

  @AfterAll
  static void stopEmulator() {
    client.close();
    emulator.close();
  }

  @Test
  void aClaudeModelAskedToThinkAnswersWithItsSignedReasoningFirst() {
    ConverseResponse response = converse(List.of(user(QUESTION)), THINKING);

    List<ContentBlock> content = response.output().message().content();
    ReasoningTextBlock reasoning = content.getFirst().reasoningContent().reasoningText();
    assertThat(reasoning.text()).isNotBlank();
    assertThat(reasoning.signature()).isEqualTo(EmulatedReasoning.signatureOf(reasoning.text()));
    assertThat(content.get(1).text()).isNotBlank();
    assertThat(content.get(2).toolUse().name()).isEqualTo("weather");
    // two answer tokens and the reasoning's, all output
    assertThat(response.usage().outputTokens()).isGreaterThan(2);
  }

  @Test
  void withoutThinkingThereIsNoReasoning() {
    ConverseResponse response = converse(List.of(user(QUESTION)), null);

    assertThat(response.output().message().content().getFirst().text()).isNotBlank();
    assertThat(response.output().message().content())
        .allSatisfy(block -> assertThat(block.reasoningContent()).isNull());
  }

  @Test
  void aStreamSendsTheReasoningInPiecesThenItsSignatureBeforeTheText() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    StringBuilder reasoning = new StringBuilder();
    ConverseStreamResponseHandler handler =
        ConverseStreamResponseHandler.builder()
            .subscriber(
                ConverseStreamResponseHandler.Visitor.builder()
                    .onContentBlockDelta(
                        delta -> {
                          var piece = delta.delta().reasoningContent();
                          if (piece == null) {
                            seen.add(delta.contentBlockIndex() + ":" + delta.delta().type());
                          } else if (piece.text() != null) {
                            reasoning.append(piece.text());
                            seen.add(delta.contentBlockIndex() + ":reasoning");
                          } else {
                            seen.add(delta.contentBlockIndex() + ":signature=" + piece.signature());
                          }
                        })
                    .build())
            .build();

    client
        .converseStream(
            ConverseStreamRequest.builder()
                .modelId(CLAUDE)
                .messages(user(QUESTION))
                .toolConfig(TOOLS)
                .additionalModelRequestFields(THINKING)
                .build(),
            handler)
        .get(30, TimeUnit.SECONDS);

    String signature = "0:signature=" + EmulatedReasoning.signatureOf(reasoning.toString());
    assertThat(reasoning.toString()).isNotBlank();
    assertThat(seen).contains(signature);
    assertThat(seen.subList(0, seen.indexOf(signature))).containsOnly("0:reasoning");
    assertThat(seen.subList(seen.indexOf(signature) + 1, seen.size()))
        .contains("1:TEXT", "2:TOOL_USE");
  }

  @Test
  void theReasoningSentBackUnchangedContinuesAConversationOfToolCalls() {
    ConverseResponse first = converse(List.of(user(QUESTION)), THINKING);

    ConverseResponse second =
        converse(List.of(user(QUESTION), first.output().message(), toolResult(first)), THINKING);

    assertThat(second.stopReasonAsString()).isEqualTo("end_turn");
  }

  @Test
  void aToolTurnWithoutItsReasoningIsRefusedWhileThinking() {
    ConverseResponse first = converse(List.of(user(QUESTION)), THINKING);
    Message withoutReasoning =
        first.output().message().toBuilder()
            .content(first.output().message().content().subList(1, 3))
            .build();

    assertThat(refusal(List.of(user(QUESTION), withoutReasoning, toolResult(first)), THINKING))
        .contains("The model returned the following errors: messages.1.content.0.type")
        .contains("a final `assistant` message must start with a thinking block");
  }

  @Test
  void aReasoningTextWithoutItsSignatureOrWithAnotherIsRefused() {
    ConverseResponse first = converse(List.of(user(QUESTION)), THINKING);
    ReasoningTextBlock reasoning =
        first.output().message().content().getFirst().reasoningContent().reasoningText();

    assertThat(
            refusal(
                List.of(
                    user(QUESTION),
                    withReasoning(first, reasoning.toBuilder().signature(null).build()),
                    toolResult(first)),
                THINKING))
        .isEqualTo(
            "The model returned the following errors: messages.1.content.0.thinking.signature:"
                + " Field required");
    assertThat(
            refusal(
                List.of(
                    user(QUESTION),
                    withReasoning(first, reasoning.toBuilder().text("edited").build()),
                    toolResult(first)),
                THINKING))
        .isEqualTo(
            "The model returned the following errors: messages.1.content.0: Invalid `signature`"
                + " in `thinking` block");
  }

  @Test
  void redactedReasoningSentBackIsAccepted() {
    ConverseResponse first = converse(List.of(user(QUESTION)), THINKING);
    Message assistant =
        first.output().message().toBuilder()
            .content(
                ContentBlock.fromReasoningContent(
                    ReasoningContentBlock.fromRedactedContent(
                        SdkBytes.fromByteArray(new byte[] {1, 2, 3}))),
                first.output().message().content().get(2))
            .build();

    assertThat(
            converse(List.of(user(QUESTION), assistant, toolResult(first)), THINKING)
                .stopReasonAsString())
        .isEqualTo("end_turn");
  }

  @Test
  void aThinkingBudgetBelowClaudesMinimumIsRefused() {
    assertThat(refusal(List.of(user(QUESTION)), thinking(100)))
        .isEqualTo(
            "The model returned the following errors: thinking.enabled.budget_tokens: Input"
                + " should be greater than or equal to 1024");
  }

  private static Document thinking(int budget) {
    return Document.fromMap(
        Map.of(
            "thinking",
            Document.fromMap(
                Map.of(
                    "type", Document.fromString("enabled"),
                    "budget_tokens", Document.fromNumber(budget)))));
  }

  private static ConverseResponse converse(List<Message> messages, Document fields) {
    return client
        .converse(
            ConverseRequest.builder()
                .modelId(CLAUDE)
                .messages(messages)
                .toolConfig(TOOLS)
                .additionalModelRequestFields(fields)
                .build())
        .join();
  }

  private static String refusal(List<Message> messages, Document fields) {
    Throwable failure = catchThrowable(() -> converse(messages, fields));
    assertThat(failure).isInstanceOf(CompletionException.class);
    assertThat(failure.getCause()).isInstanceOf(ValidationException.class);
    return ((ValidationException) failure.getCause()).awsErrorDetails().errorMessage();
  }

  private static Message withReasoning(ConverseResponse first, ReasoningTextBlock reasoning) {
    List<ContentBlock> content = new java.util.ArrayList<>(first.output().message().content());
    content.set(
        0, ContentBlock.fromReasoningContent(ReasoningContentBlock.fromReasoningText(reasoning)));
    return first.output().message().toBuilder().content(content).build();
  }

  private static Message user(String text) {
    return Message.builder()
        .role(ConversationRole.USER)
        .content(ContentBlock.fromText(text))
        .build();
  }

  private static Message toolResult(ConverseResponse first) {
    String toolUseId =
        first.output().message().content().stream()
            .filter(block -> block.toolUse() != null)
            .findFirst()
            .orElseThrow()
            .toolUse()
            .toolUseId();
    return Message.builder()
        .role(ConversationRole.USER)
        .content(
            ContentBlock.fromToolResult(
                ToolResultBlock.builder()
                    .toolUseId(toolUseId)
                    .content(ToolResultContentBlock.fromText("18 degrees"))
                    .build()))
        .build();
  }
}
