package io.bedrockgateway.domain.chat;

import io.bedrockgateway.domain.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation to continue. The model is optional here: the gateway fills in its default chat
 * model and resolves aliases before a {@code ChatInvoker} sees the request.
 *
 * @param system the system prompt: text, perhaps with prompt-cache checkpoints
 * @param tools the tools the model may ask for; required once the conversation holds tool blocks
 * @param additionalModelRequestFields model-specific fields passed to the model as they are
 */
public record ChatRequest(
    Optional<ModelId> model,
    List<ChatMessage> messages,
    List<SystemBlock> system,
    InferenceParameters parameters,
    Optional<ToolConfig> tools,
    Optional<JsonValue.JsonObject> additionalModelRequestFields) {

  /** What an image or a document is reckoned as in estimates: about 1,600 tokens. */
  private static final long CHARACTERS_PER_ATTACHMENT = 6_400;

  public ChatRequest {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    system = List.copyOf(Objects.requireNonNull(system, "system"));
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(tools, "tools");
    Objects.requireNonNull(additionalModelRequestFields, "additionalModelRequestFields");
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must hold at least one message");
    }
  }

  /** A request with neither tools nor model-specific fields. */
  public ChatRequest(
      Optional<ModelId> model,
      List<ChatMessage> messages,
      List<SystemBlock> system,
      InferenceParameters parameters) {
    this(model, messages, system, parameters, Optional.empty(), Optional.empty());
  }

  /** The same request with other messages: its images fetched, say. */
  public ChatRequest withMessages(List<ChatMessage> replaced) {
    return new ChatRequest(
        model, replaced, system, parameters, tools, additionalModelRequestFields);
  }

  /** Whether any turn carries an image or a document, which not every model reads. */
  public boolean hasAttachment(Class<? extends ContentBlock> kind) {
    return messages.stream()
        .flatMap(message -> message.content().stream())
        .anyMatch(block -> kind.isInstance(block) || attachedToToolResult(block, kind));
  }

  /** Characters of prompt, for estimates made before the model counts tokens. */
  public long promptCharacters() {
    long fromMessages =
        messages.stream()
            .flatMap(message -> message.content().stream())
            .mapToLong(ChatRequest::characters)
            .sum();
    return fromMessages
        + system.stream()
            .mapToLong(block -> block instanceof TextBlock text ? text.text().length() : 0)
            .sum();
  }

  /**
   * The prompt's tokens as {@link TokenEstimate} guesses them: its text, by script; each image or
   * document as about 1,600 tokens (a document at least a quarter token a byte); tool inputs,
   * results and definitions as their JSON text; reasoning sent back as its text, redacted reasoning
   * as a quarter token a byte.
   */
  public long estimatedPromptTokens() {
    long quarters =
        messages.stream()
                .flatMap(message -> message.content().stream())
                .mapToLong(ChatRequest::quarters)
                .sum()
            + system.stream()
                .mapToLong(
                    block ->
                        block instanceof TextBlock text ? TokenEstimate.quarters(text.text()) : 0)
                .sum()
            + tools.stream()
                .flatMap(config -> config.tools().stream())
                .mapToLong(
                    entry ->
                        entry instanceof ToolConfig.Tool tool
                            ? TokenEstimate.quarters(tool.name())
                                + tool.description().map(TokenEstimate::quarters).orElse(0L)
                                + json(tool.inputSchema())
                            : 0)
                .sum();
    return TokenEstimate.tokens(quarters);
  }

  private static long quarters(ContentBlock block) {
    return switch (block) {
      case TextBlock text -> TokenEstimate.quarters(text.text());
      case ImageBlock image -> CHARACTERS_PER_ATTACHMENT;
      case RemoteImageBlock image -> CHARACTERS_PER_ATTACHMENT;
      case DocumentBlock document -> Math.max(CHARACTERS_PER_ATTACHMENT, document.data().size());
      case ToolUseBlock toolUse -> json(toolUse.input());
      case CachePoint cachePoint -> 0;
      case ReasoningBlock reasoning -> TokenEstimate.quarters(reasoning.text());
      case RedactedReasoningBlock redacted -> redacted.data().size();
      case ToolResultBlock result ->
          result.content().stream()
              .mapToLong(
                  part ->
                      switch (part) {
                        case TextBlock text -> TokenEstimate.quarters(text.text());
                        case JsonBlock json -> json(json.json());
                        case ImageBlock image -> CHARACTERS_PER_ATTACHMENT;
                        case DocumentBlock document -> document.data().size();
                      })
              .sum();
    };
  }

  /**
   * The quarter tokens of a JSON value written out: its strings by script, punctuation as ASCII.
   */
  private static long json(JsonValue value) {
    return switch (value) {
      case JsonValue.JsonObject object ->
          2
              + object.members().entrySet().stream()
                  .mapToLong(
                      member ->
                          4 + TokenEstimate.quarters(member.getKey()) + json(member.getValue()))
                  .sum();
      case JsonValue.JsonArray array ->
          2 + array.elements().stream().mapToLong(element -> 1 + json(element)).sum();
      case JsonValue.JsonString string -> 2 + TokenEstimate.quarters(string.value());
      case JsonValue.JsonNumber number -> number.value().toString().length();
      case JsonValue.JsonBoolean bool -> 5;
      case JsonValue.JsonNull none -> 4;
    };
  }

  /** Whether the request marks part of its prompt for the prompt cache. */
  public boolean usesPromptCache() {
    return system.stream().anyMatch(CachePoint.class::isInstance)
        || messages.stream()
            .flatMap(message -> message.content().stream())
            .anyMatch(CachePoint.class::isInstance)
        || tools.stream()
            .flatMap(config -> config.tools().stream())
            .anyMatch(CachePoint.class::isInstance);
  }

  private static boolean attachedToToolResult(
      ContentBlock block, Class<? extends ContentBlock> kind) {
    return block instanceof ToolResultBlock result
        && result.content().stream().anyMatch(kind::isInstance);
  }

  private static long characters(ContentBlock block) {
    return switch (block) {
      case TextBlock text -> text.text().length();
      case ImageBlock image -> CHARACTERS_PER_ATTACHMENT;
      case RemoteImageBlock image -> CHARACTERS_PER_ATTACHMENT;
      case DocumentBlock document -> Math.max(CHARACTERS_PER_ATTACHMENT, document.data().size());
      case ToolUseBlock toolUse -> toolUse.input().toString().length();
      case CachePoint cachePoint -> 0;
      case ReasoningBlock reasoning -> reasoning.text().length();
      case RedactedReasoningBlock redacted -> redacted.data().size();
      case ToolResultBlock result ->
          result.content().stream()
              .mapToLong(
                  part ->
                      switch (part) {
                        case TextBlock text -> text.text().length();
                        case JsonBlock json -> json.json().toString().length();
                        case ImageBlock image -> CHARACTERS_PER_ATTACHMENT;
                        case DocumentBlock document -> document.data().size();
                      })
              .sum();
    };
  }
}
