package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code POST /v1/chat/completions} as OpenAI's clients send it and read its answer. Fields the
 * gateway cannot honour are read too, so that {@link ChatRequestReader} can refuse them by name.
 */
final class ChatJson {
  private ChatJson() {}

  /** The request body, as sent; validated by {@link ChatRequestReader}. */
  record Request(
      String model,
      List<JsonNode> messages,
      JsonNode tools,
      @JsonProperty("tool_choice") JsonNode toolChoice,
      @JsonProperty("parallel_tool_calls") Boolean parallelToolCalls,
      @JsonProperty("response_format") JsonNode responseFormat,
      Double temperature,
      @JsonProperty("top_p") Double topP,
      @JsonProperty("max_tokens") Integer maxTokens,
      @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
      JsonNode stop,
      String user,
      @JsonProperty("reasoning_effort") String reasoningEffort,
      JsonNode metadata,
      Boolean stream,
      @JsonProperty("stream_options") StreamOptions streamOptions,
      // refused unless they ask for what the gateway does anyway
      Integer n,
      Boolean logprobs,
      @JsonProperty("top_logprobs") Integer topLogprobs,
      JsonNode audio,
      JsonNode modalities,
      JsonNode prediction,
      @JsonProperty("logit_bias") JsonNode logitBias,
      @JsonProperty("frequency_penalty") Double frequencyPenalty,
      @JsonProperty("presence_penalty") Double presencePenalty,
      Long seed,
      JsonNode functions,
      @JsonProperty("function_call") JsonNode functionCall,
      @JsonProperty("web_search_options") JsonNode webSearchOptions,
      String verbosity) {}

  record StreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {}

  /** A whole answer: {@code object} is {@code chat.completion}. */
  record Completion(
      String id,
      String object,
      long created,
      String model,
      List<Choice> choices,
      Usage usage,
      @JsonProperty("system_fingerprint") String systemFingerprint) {}

  record Choice(
      int index,
      AssistantMessage message,
      @JsonInclude(JsonInclude.Include.ALWAYS) Object logprobs,
      @JsonProperty("finish_reason") String finishReason) {}

  /**
   * With tool calls and no text, {@code content} is {@code null}, as OpenAI sends it. The model's
   * reasoning, when it gave some, is in the extension fields of {@link ThinkingBlocks}.
   */
  record AssistantMessage(
      String role,
      @JsonInclude(JsonInclude.Include.ALWAYS) String content,
      @JsonInclude(JsonInclude.Include.ALWAYS) String refusal,
      @JsonProperty("tool_calls") List<ToolCall> toolCalls,
      @JsonProperty("reasoning_content") String reasoningContent,
      @JsonProperty("thinking_blocks") List<ThinkingBlock> thinkingBlocks) {}

  /**
   * {@code {"type":"thinking","thinking","signature"}} or {@code
   * {"type":"redacted_thinking","data"}}.
   */
  record ThinkingBlock(String type, String thinking, String signature, String data) {}

  record ToolCall(Integer index, String id, String type, FunctionCall function) {}

  record FunctionCall(String name, String arguments) {}

  record Usage(
      @JsonProperty("prompt_tokens") long promptTokens,
      @JsonProperty("completion_tokens") long completionTokens,
      @JsonProperty("total_tokens") long totalTokens,
      @JsonProperty("prompt_tokens_details") PromptTokensDetails promptTokensDetails) {}

  record PromptTokensDetails(@JsonProperty("cached_tokens") long cachedTokens) {}

  /** One event of a stream: {@code object} is {@code chat.completion.chunk}. */
  record Chunk(
      String id,
      String object,
      long created,
      String model,
      List<ChunkChoice> choices,
      @JsonInclude(JsonInclude.Include.ALWAYS) Usage usage) {}

  /** Without usage, for a client that did not ask for it. */
  record PlainChunk(
      String id, String object, long created, String model, List<ChunkChoice> choices) {}

  record ChunkChoice(
      int index,
      Delta delta,
      @JsonInclude(JsonInclude.Include.ALWAYS) Object logprobs,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("finish_reason")
          String finishReason) {}

  record Delta(
      String role,
      String content,
      @JsonProperty("tool_calls") List<ToolCall> toolCalls,
      @JsonProperty("reasoning_content") String reasoningContent,
      @JsonProperty("thinking_blocks") List<ThinkingBlock> thinkingBlocks) {

    Delta(String role, String content, List<ToolCall> toolCalls) {
      this(role, content, toolCalls, null, null);
    }
  }
}
