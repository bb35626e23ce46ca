package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.TextBlock;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * Domain chat requests as Converse calls. Optional parts are left unset (the SDK then omits them
 * from the JSON) rather than sent empty, because Bedrock rejects some empty values.
 */
final class ConverseRequestMapper {

  private ConverseRequestMapper() {}

  static ConverseRequest toConverseRequest(ChatRequest request) {
    return ConverseRequest.builder()
        .modelId(request.requireModel().value())
        .messages(messages(request))
        .system(systemOrNull(request))
        .inferenceConfig(inferenceConfigOrNull(request.parameters()))
        .build();
  }

  static ConverseStreamRequest toConverseStreamRequest(ChatRequest request) {
    return ConverseStreamRequest.builder()
        .modelId(request.requireModel().value())
        .messages(messages(request))
        .system(systemOrNull(request))
        .inferenceConfig(inferenceConfigOrNull(request.parameters()))
        .build();
  }

  private static List<Message> messages(ChatRequest request) {
    return request.messages().stream().map(ConverseRequestMapper::message).toList();
  }

  private static Message message(ChatMessage message) {
    List<ContentBlock> content =
        message.content().stream()
            .map(
                block ->
                    switch (block) {
                      case TextBlock text -> ContentBlock.fromText(text.text());
                    })
            .toList();
    return Message.builder().role(role(message.role())).content(content).build();
  }

  private static ConversationRole role(Role role) {
    return switch (role) {
      case USER -> ConversationRole.USER;
      case ASSISTANT -> ConversationRole.ASSISTANT;
    };
  }

  private static List<SystemContentBlock> systemOrNull(ChatRequest request) {
    if (request.system().isEmpty()) {
      return null;
    }
    return request.system().stream().map(SystemContentBlock::fromText).toList();
  }

  private static InferenceConfiguration inferenceConfigOrNull(InferenceParameters parameters) {
    if (parameters.isEmpty()) {
      return null;
    }
    return InferenceConfiguration.builder()
        .maxTokens(parameters.maxTokens().orElse(null))
        .temperature(parameters.temperature().map(Double::floatValue).orElse(null))
        .topP(parameters.topP().map(Double::floatValue).orElse(null))
        .stopSequences(parameters.stopSequences().isEmpty() ? null : parameters.stopSequences())
        .build();
  }
}
