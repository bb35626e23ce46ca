package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensInput;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** InvokeModel, CountTokens and tool-use streams, through the real SDK. */
class InvokeAndCountTokensTest {
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
  void invokeReportsTokensInBedrocksHeaders() {
    InvokeModelResponse response =
        client
            .invokeModel(
                InvokeModelRequest.builder()
                    .modelId("amazon.titan-embed-text-v2:0")
                    .contentType("application/json")
                    .body(SdkBytes.fromUtf8String("{\"inputText\":\"hello there\"}"))
                    .build())
            .join();

    assertThat(response.sdkHttpResponse().firstMatchingHeader("X-Amzn-Bedrock-Input-Token-Count"))
        .contains(Integer.toString(EmulatedUsage.inputTokens(List.of("hello there"))));
    assertThat(response.body().asUtf8String()).contains("\"embedding\":[");
  }

  @Test
  void anUnknownModelOnInvokeIsAValidationError() {
    assertThatThrownBy(
            () ->
                client
                    .invokeModel(
                        InvokeModelRequest.builder()
                            .modelId("acme.unknown-v1")
                            .body(SdkBytes.fromUtf8String("{}"))
                            .build())
                    .join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ValidationException.class)
        .hasMessageContaining("The provided model identifier is invalid.");
  }

  @Test
  void countsTheTokensOfAConverseRequest() {
    int tokens =
        client
            .countTokens(
                CountTokensRequest.builder()
                    .modelId("anthropic.claude-3-5-haiku-20241022-v1:0")
                    .input(
                        CountTokensInput.fromConverse(
                            ConverseTokensRequest.builder()
                                .messages(userMessage("How many tokens is this?"))
                                .build()))
                    .build())
            .join()
            .inputTokens();

    assertThat(tokens).isEqualTo(EmulatedUsage.inputTokens(List.of("How many tokens is this?")));
  }

  @Test
  void aToolCallStreamsInBedrocksOrder() throws Exception {
    ToolConfiguration tools =
        ToolConfiguration.builder()
            .tools(
                Tool.fromToolSpec(
                    ToolSpecification.builder()
                        .name("get_weather")
                        .inputSchema(
                            ToolInputSchema.fromJson(
                                Document.mapBuilder()
                                    .putString("type", "object")
                                    .putDocument(
                                        "properties",
                                        Document.mapBuilder()
                                            .putDocument(
                                                "city",
                                                Document.mapBuilder()
                                                    .putString("type", "string")
                                                    .build())
                                            .build())
                                    .build()))
                        .build()))
            .build();
    StreamCapture capture =
        StreamCapture.start(
            client,
            ConverseStreamRequest.builder()
                .modelId("amazon.nova-lite-v1:0")
                .messages(userMessage("Weather? [emulator:tool-use] [emulator:tokens=2]"))
                .toolConfig(tools)
                .build());

    assertThat(capture.awaitEnd()).isEmpty();
    assertThat(capture.events())
        .containsExactly(
            "messageStart:assistant",
            "contentBlockDelta:0",
            "contentBlockDelta:0",
            "contentBlockStop:0",
            "contentBlockStart",
            "contentBlockDelta:1",
            "contentBlockDelta:1",
            "contentBlockStop:1",
            "messageStop:tool_use",
            capture.events().getLast());
  }

  private static Message userMessage(String text) {
    return Message.builder()
        .role(ConversationRole.USER)
        .content(ContentBlock.fromText(text))
        .build();
  }
}
