package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.bootstrap.Gateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Claude's extended thinking with tools through the gateway's {@code /bedrock} prefix, with the AWS
 * SDK's own clients: the signed reasoning decoded by the SDK from the answer and from the stream,
 * then sent back with the tool's result, which the model (the emulator) accepts only unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BedrockReasoningSdkTest {
  private static final String KEY = "bedrock-reasoning-key-0123456789";
  private static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
  private static final String QUESTION =
      "Weather in Paris? [emulator:tool-use] [emulator:tokens=3]";
  private static final Document THINKING =
      Document.fromMap(
          Map.of(
              "thinking",
              Document.fromMap(
                  Map.of(
                      "type", Document.fromString("enabled"),
                      "budget_tokens", Document.fromNumber(1_024)))));
  private static final ToolConfiguration TOOLS =
      ToolConfiguration.builder()
          .tools(
              Tool.fromToolSpec(
                  ToolSpecification.builder()
                      .name("get_weather")
                      .inputSchema(
                          ToolInputSchema.fromJson(
                              Document.fromMap(Map.of("type", Document.fromString("object")))))
                      .build()))
          .build();

  private Gateway gateway;
  private BedrockRuntimeClient sync;
  private BedrockRuntimeAsyncClient async;

  @BeforeAll
  void start() {
    gateway = TestGateways.start(Map.of("API_KEYS", KEY, "RATE_LIMIT_REQUESTS", "0"));
    sync = BedrockSdkClients.sync(gateway.port(), KEY);
    async = BedrockSdkClients.async(gateway.port(), KEY);
  }

  @AfterAll
  void stop() {
    sync.close();
    async.close();
    gateway.close();
  }

  @Test
  void converseGivesTheSignedReasoningAndTheConversationContinuesWithIt() {
    ConverseResponse first = sync.converse(request(List.of(user(QUESTION))));

    List<ContentBlock> content = first.output().message().content();
    ReasoningTextBlock reasoning = content.getFirst().reasoningContent().reasoningText();
    assertThat(reasoning.text()).isNotBlank();
    assertThat(reasoning.signature()).isNotBlank();
    assertThat(first.stopReason()).isEqualTo(StopReason.TOOL_USE);

    ConverseResponse second =
        sync.converse(
            request(List.of(user(QUESTION), first.output().message(), toolResult(content))));

    assertThat(second.stopReason()).isEqualTo(StopReason.END_TURN);
    assertThat(second.output().message().content().getFirst().reasoningContent()).isNotNull();
  }

  @Test
  void converseStreamGivesTheReasoningInPiecesWithItsSignatureAndTheTurnGoesBack()
      throws Exception {
    StringBuilder reasoning = new StringBuilder();
    StringBuilder signature = new StringBuilder();
    StringBuilder text = new StringBuilder();
    StringBuilder input = new StringBuilder();
    List<ToolUseBlock> calls = new ArrayList<>();
    ConverseStreamResponseHandler handler =
        ConverseStreamResponseHandler.builder()
            .subscriber(
                ConverseStreamResponseHandler.Visitor.builder()
                    .onContentBlockStart(
                        start ->
                            calls.add(
                                ToolUseBlock.builder()
                                    .toolUseId(start.start().toolUse().toolUseId())
                                    .name(start.start().toolUse().name())
                                    .build()))
                    .onContentBlockDelta(
                        event -> {
                          var delta = event.delta();
                          if (delta.reasoningContent() != null) {
                            if (delta.reasoningContent().text() != null) {
                              reasoning.append(delta.reasoningContent().text());
                            }
                            if (delta.reasoningContent().signature() != null) {
                              signature.append(delta.reasoningContent().signature());
                            }
                          } else if (delta.text() != null) {
                            text.append(delta.text());
                          } else if (delta.toolUse() != null) {
                            input.append(delta.toolUse().input());
                          }
                        })
                    .build())
            .build();

    async
        .converseStream(
            ConverseStreamRequest.builder()
                .modelId(SONNET)
                .messages(user(QUESTION))
                .toolConfig(TOOLS)
                .additionalModelRequestFields(THINKING)
                .build(),
            handler)
        .get(60, TimeUnit.SECONDS);

    assertThat(reasoning.toString()).isNotBlank();
    assertThat(signature.toString()).isNotBlank();
    assertThat(calls).hasSize(1);
    Message assistant =
        Message.builder()
            .role(ConversationRole.ASSISTANT)
            .content(
                reasoningBlock(reasoning.toString(), signature.toString()),
                ContentBlock.fromText(text.toString()),
                ContentBlock.fromToolUse(
                    calls.getFirst().toBuilder()
                        .input(Document.fromMap(Map.of("city", Document.fromString("Paris"))))
                        .build()))
            .build();

    ConverseResponse second =
        sync.converse(request(List.of(user(QUESTION), assistant, toolResult(assistant.content()))));

    assertThat(second.stopReason()).isEqualTo(StopReason.END_TURN);
  }

  @Test
  void reasoningAlteredOnTheWayBackIsRefusedAsTheModelRefusesIt() {
    ConverseResponse first = sync.converse(request(List.of(user(QUESTION))));
    List<ContentBlock> content = new ArrayList<>(first.output().message().content());
    ReasoningTextBlock reasoning = content.getFirst().reasoningContent().reasoningText();
    content.set(0, reasoningBlock(reasoning.text() + " (edited)", reasoning.signature()));
    Message edited = first.output().message().toBuilder().content(content).build();

    assertThatThrownBy(
            () -> sync.converse(request(List.of(user(QUESTION), edited, toolResult(content)))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Invalid `signature` in `thinking` block");
  }

  private static ConverseRequest request(List<Message> messages) {
    return ConverseRequest.builder()
        .modelId(SONNET)
        .messages(messages)
        .toolConfig(TOOLS)
        .inferenceConfig(config -> config.maxTokens(4_000))
        .additionalModelRequestFields(THINKING)
        .build();
  }

  private static ContentBlock reasoningBlock(String text, String signature) {
    return ContentBlock.fromReasoningContent(
        ReasoningContentBlock.fromReasoningText(
            ReasoningTextBlock.builder().text(text).signature(signature).build()));
  }

  private static Message user(String text) {
    return Message.builder()
        .role(ConversationRole.USER)
        .content(ContentBlock.fromText(text))
        .build();
  }

  private static Message toolResult(List<ContentBlock> assistant) {
    String toolUseId =
        assistant.stream()
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
                    .content(ToolResultContentBlock.fromText("18 degrees and sunny"))
                    .build()))
        .build();
  }
}
