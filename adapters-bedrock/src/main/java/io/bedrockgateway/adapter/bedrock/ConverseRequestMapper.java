package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.CachePoint;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.DocumentBlock;
import io.bedrockgateway.domain.chat.ImageBlock;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.JsonBlock;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.ReasoningBlock;
import io.bedrockgateway.domain.chat.RedactedReasoningBlock;
import io.bedrockgateway.domain.chat.RemoteImageBlock;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.ToolConfig;
import io.bedrockgateway.domain.chat.ToolResultBlock;
import io.bedrockgateway.domain.chat.ToolResultContent;
import io.bedrockgateway.domain.chat.ToolUseBlock;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.AnyToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.AutoToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensInput;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentSource;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

/**
 * Domain chat requests as Converse calls. Optional parts are left unset (the SDK then omits them
 * from the JSON) rather than sent empty, because Bedrock rejects some empty values.
 */
final class ConverseRequestMapper {

  private ConverseRequestMapper() {}

  static ConverseRequest toConverseRequest(ModelId model, ChatRequest request) {
    return ConverseRequest.builder()
        .modelId(model.value())
        .messages(messages(request))
        .system(systemOrNull(request))
        .inferenceConfig(inferenceConfigOrNull(request.parameters()))
        .toolConfig(request.tools().map(ConverseRequestMapper::toolConfig).orElse(null))
        .additionalModelRequestFields(additionalFieldsOrNull(request))
        .build();
  }

  static ConverseStreamRequest toConverseStreamRequest(ModelId model, ChatRequest request) {
    return ConverseStreamRequest.builder()
        .modelId(model.value())
        .messages(messages(request))
        .system(systemOrNull(request))
        .inferenceConfig(inferenceConfigOrNull(request.parameters()))
        .toolConfig(request.tools().map(ConverseRequestMapper::toolConfig).orElse(null))
        .additionalModelRequestFields(additionalFieldsOrNull(request))
        .build();
  }

  /**
   * A CountTokens call for the request's prompt, as Converse would read it. CountTokens takes the
   * base model, not an inference profile.
   */
  static CountTokensRequest toCountTokensRequest(ModelId model, ChatRequest request) {
    return CountTokensRequest.builder()
        .modelId(model.baseModelId())
        .input(
            CountTokensInput.fromConverse(
                ConverseTokensRequest.builder()
                    .messages(messages(request))
                    .system(systemOrNull(request))
                    .toolConfig(request.tools().map(ConverseRequestMapper::toolConfig).orElse(null))
                    .additionalModelRequestFields(additionalFieldsOrNull(request))
                    .build()))
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
                      case ImageBlock image -> ContentBlock.fromImage(image(image));
                      case DocumentBlock document -> ContentBlock.fromDocument(document(document));
                      case ToolUseBlock toolUse ->
                          ContentBlock.fromToolUse(
                              use ->
                                  use.toolUseId(toolUse.toolUseId())
                                      .name(toolUse.name())
                                      .input(Documents.toDocument(toolUse.input())));
                      case ToolResultBlock result ->
                          ContentBlock.fromToolResult(toolResult(result));
                      case CachePoint cachePoint -> ContentBlock.fromCachePoint(cachePoint());
                      case ReasoningBlock reasoning ->
                          ContentBlock.fromReasoningContent(
                              ReasoningContentBlock.fromReasoningText(
                                  ReasoningTextBlock.builder()
                                      .text(reasoning.text())
                                      .signature(reasoning.signature().orElse(null))
                                      .build()));
                      case RedactedReasoningBlock redacted ->
                          ContentBlock.fromReasoningContent(
                              ReasoningContentBlock.fromRedactedContent(
                                  SdkBytes.fromByteArray(redacted.data().bytes())));
                      case RemoteImageBlock remote ->
                          throw new IllegalArgumentException(
                              "an image named by URL is fetched before the model is called");
                    })
            .toList();
    return Message.builder().role(role(message.role())).content(content).build();
  }

  private static software.amazon.awssdk.services.bedrockruntime.model.ImageBlock image(
      ImageBlock image) {
    return software.amazon.awssdk.services.bedrockruntime.model.ImageBlock.builder()
        .format(image.format().wireName())
        .source(ImageSource.fromBytes(SdkBytes.fromByteArray(image.data().bytes())))
        .build();
  }

  private static software.amazon.awssdk.services.bedrockruntime.model.DocumentBlock document(
      DocumentBlock document) {
    return software.amazon.awssdk.services.bedrockruntime.model.DocumentBlock.builder()
        .format(document.format().wireName())
        .name(document.name())
        .source(DocumentSource.fromBytes(SdkBytes.fromByteArray(document.data().bytes())))
        .build();
  }

  private static software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock toolResult(
      ToolResultBlock result) {
    return software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock.builder()
        .toolUseId(result.toolUseId())
        .content(result.content().stream().map(ConverseRequestMapper::toolResultPart).toList())
        .status(result.status().map(ToolResultBlock.Status::wireName).orElse(null))
        .build();
  }

  private static ToolResultContentBlock toolResultPart(ToolResultContent part) {
    return switch (part) {
      case TextBlock text -> ToolResultContentBlock.fromText(text.text());
      case JsonBlock json -> ToolResultContentBlock.fromJson(Documents.toDocument(json.json()));
      case ImageBlock image -> ToolResultContentBlock.fromImage(image(image));
      case DocumentBlock document -> ToolResultContentBlock.fromDocument(document(document));
    };
  }

  private static ToolConfiguration toolConfig(ToolConfig config) {
    List<Tool> tools =
        config.tools().stream()
            .map(
                entry ->
                    switch (entry) {
                      case ToolConfig.Tool tool ->
                          Tool.fromToolSpec(
                              ToolSpecification.builder()
                                  .name(tool.name())
                                  .description(tool.description().orElse(null))
                                  .inputSchema(
                                      ToolInputSchema.fromJson(
                                          Documents.toDocument(tool.inputSchema())))
                                  .build());
                      case CachePoint cachePoint -> Tool.fromCachePoint(cachePoint());
                    })
            .toList();
    ToolChoice choice =
        config
            .choice()
            .map(
                chosen ->
                    switch (chosen) {
                      case ToolConfig.Choice.Auto auto ->
                          ToolChoice.fromAuto(AutoToolChoice.builder().build());
                      case ToolConfig.Choice.Any any ->
                          ToolChoice.fromAny(AnyToolChoice.builder().build());
                      case ToolConfig.Choice.Named named ->
                          ToolChoice.fromTool(
                              SpecificToolChoice.builder().name(named.name()).build());
                    })
            .orElse(null);
    return ToolConfiguration.builder().tools(tools).toolChoice(choice).build();
  }

  private static Document additionalFieldsOrNull(ChatRequest request) {
    return request.additionalModelRequestFields().map(Documents::toDocument).orElse(null);
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
    return request.system().stream()
        .map(
            block ->
                switch (block) {
                  case TextBlock text -> SystemContentBlock.fromText(text.text());
                  case CachePoint cachePoint -> SystemContentBlock.fromCachePoint(cachePoint());
                })
        .toList();
  }

  private static CachePointBlock cachePoint() {
    return CachePointBlock.builder().type(CachePointType.DEFAULT).build();
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
