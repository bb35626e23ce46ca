package io.bedrockgateway.client;

import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentSource;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/** A chat call as the SDK's Converse requests, and the SDK's answer as our reply. */
final class DirectMessages {
  private DirectMessages() {}

  static ConverseRequest converse(ChatCall call) {
    ConverseRequest.Builder request =
        ConverseRequest.builder().modelId(call.model()).messages(messages(call.messages()));
    if (call.systemPrompt() != null) {
      request.system(SystemContentBlock.fromText(call.systemPrompt()));
    }
    InferenceConfiguration inference = inference(call.options());
    if (inference != null) {
      request.inferenceConfig(inference);
    }
    return request.build();
  }

  static ConverseStreamRequest converseStream(ChatCall call) {
    ConverseRequest plain = converse(call);
    return ConverseStreamRequest.builder()
        .modelId(plain.modelId())
        .messages(plain.messages())
        .system(call.systemPrompt() == null ? null : plain.system())
        .inferenceConfig(plain.inferenceConfig())
        .build();
  }

  static ChatReply reply(ConverseResponse response, String model, Route route) {
    StringBuilder text = new StringBuilder();
    if (response.output() != null && response.output().message() != null) {
      response.output().message().content().stream()
          .filter(block -> block.text() != null)
          .forEach(block -> text.append(block.text()));
    }
    return new ChatReply(
        text.toString(), response.stopReasonAsString(), model, usage(response.usage()), route);
  }

  static Usage usage(TokenUsage usage) {
    if (usage == null) {
      return Usage.NONE;
    }
    return new Usage(
        orZero(usage.inputTokens()),
        orZero(usage.outputTokens()),
        orZero(usage.totalTokens()),
        orZero(usage.cacheReadInputTokens()),
        orZero(usage.cacheWriteInputTokens()));
  }

  private static List<Message> messages(List<ChatMessage> messages) {
    return messages.stream()
        .map(
            message ->
                Message.builder()
                    .role(
                        message.role() == ChatMessage.Role.USER
                            ? ConversationRole.USER
                            : ConversationRole.ASSISTANT)
                    .content(message.content().stream().map(DirectMessages::block).toList())
                    .build())
        .toList();
  }

  private static ContentBlock block(ChatMessage.Content content) {
    return switch (content) {
      case ChatMessage.Text text -> ContentBlock.fromText(text.text());
      case ChatMessage.Image image ->
          ContentBlock.fromImage(
              ImageBlock.builder()
                  .format(image.format())
                  .source(ImageSource.fromBytes(SdkBytes.fromByteArray(image.bytes())))
                  .build());
      case ChatMessage.Document document ->
          ContentBlock.fromDocument(
              DocumentBlock.builder()
                  .format(document.format().toLowerCase(Locale.ROOT))
                  .name(document.name())
                  .source(DocumentSource.fromBytes(SdkBytes.fromByteArray(document.bytes())))
                  .build());
    };
  }

  private static InferenceConfiguration inference(ChatOptions options) {
    if (options.maxTokens() == null
        && options.temperature() == null
        && options.topP() == null
        && options.stopSequences().isEmpty()) {
      return null;
    }
    InferenceConfiguration.Builder inference = InferenceConfiguration.builder();
    inference.maxTokens(options.maxTokens());
    if (options.temperature() != null) {
      inference.temperature(options.temperature().floatValue());
    }
    if (options.topP() != null) {
      inference.topP(options.topP().floatValue());
    }
    if (!options.stopSequences().isEmpty()) {
      inference.stopSequences(options.stopSequences());
    }
    return inference.build();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
