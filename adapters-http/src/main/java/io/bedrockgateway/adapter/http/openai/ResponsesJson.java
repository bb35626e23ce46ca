package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** {@code POST /v1/responses} as OpenAI's clients send it, its answer and its stream's events. */
final class ResponsesJson {
  private ResponsesJson() {}

  /** The request body, as sent; validated by {@link ResponsesRequestReader}. */
  record Request(
      String model,
      JsonNode input,
      String instructions,
      JsonNode tools,
      @JsonProperty("tool_choice") JsonNode toolChoice,
      @JsonProperty("parallel_tool_calls") Boolean parallelToolCalls,
      @JsonProperty("max_output_tokens") Integer maxOutputTokens,
      Double temperature,
      @JsonProperty("top_p") Double topP,
      Reasoning reasoning,
      TextOptions text,
      Boolean stream,
      Boolean store,
      @JsonProperty("previous_response_id") String previousResponseId,
      JsonNode conversation,
      Boolean background,
      JsonNode prompt,
      String truncation,
      @JsonProperty("top_logprobs") Integer topLogprobs,
      @JsonProperty("max_tool_calls") Integer maxToolCalls,
      String user,
      @JsonProperty("safety_identifier") String safetyIdentifier,
      JsonNode metadata) {}

  record Reasoning(String effort, String summary) {}

  record TextOptions(JsonNode format, String verbosity) {}

  /** A response, whole or as a stream's first and last events carry it. */
  record Response(
      String id,
      String object,
      @JsonProperty("created_at") long createdAt,
      String status,
      @JsonInclude(JsonInclude.Include.ALWAYS) Object error,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("incomplete_details")
          IncompleteDetails incompleteDetails,
      @JsonInclude(JsonInclude.Include.ALWAYS) String instructions,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("max_output_tokens")
          Integer maxOutputTokens,
      String model,
      List<Object> output,
      @JsonProperty("parallel_tool_calls") boolean parallelToolCalls,
      @JsonInclude(JsonInclude.Include.ALWAYS) Double temperature,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("top_p") Double topP,
      @JsonProperty("tool_choice") JsonNode toolChoice,
      JsonNode tools,
      Map<String, Object> metadata,
      boolean store,
      @JsonInclude(JsonInclude.Include.ALWAYS) Usage usage) {}

  record IncompleteDetails(String reason) {}

  record Usage(
      @JsonProperty("input_tokens") long inputTokens,
      @JsonProperty("input_tokens_details") InputDetails inputTokensDetails,
      @JsonProperty("output_tokens") long outputTokens,
      @JsonProperty("output_tokens_details") OutputDetails outputTokensDetails,
      @JsonProperty("total_tokens") long totalTokens) {}

  record InputDetails(@JsonProperty("cached_tokens") long cachedTokens) {}

  record OutputDetails(@JsonProperty("reasoning_tokens") long reasoningTokens) {}

  /** An output item: the assistant's message. */
  record Message(String type, String id, String status, String role, List<OutputText> content) {}

  record OutputText(String type, String text, List<Object> annotations) {}

  /**
   * An output item: the model's reasoning, its text as the summary and the whole block in {@code
   * encrypted_content} (see {@link ReasoningItems}).
   */
  record ReasoningItem(
      String type,
      String id,
      @JsonInclude(JsonInclude.Include.ALWAYS) List<SummaryText> summary,
      @JsonProperty("encrypted_content") String encryptedContent,
      String status) {}

  record SummaryText(String type, String text) {}

  /** An output item: a call of one of the client's functions. */
  record FunctionCall(
      String type,
      String id,
      @JsonProperty("call_id") String callId,
      String name,
      String arguments,
      String status) {}

  // the stream's events; each carries its type and its place in the stream

  record ResponseEvent(
      String type, @JsonProperty("sequence_number") long sequenceNumber, Response response) {}

  record ItemEvent(
      String type,
      @JsonProperty("sequence_number") long sequenceNumber,
      @JsonProperty("output_index") int outputIndex,
      Object item) {}

  record PartEvent(
      String type,
      @JsonProperty("sequence_number") long sequenceNumber,
      @JsonProperty("item_id") String itemId,
      @JsonProperty("output_index") int outputIndex,
      @JsonProperty("content_index") int contentIndex,
      OutputText part) {}

  record TextDeltaEvent(
      String type,
      @JsonProperty("sequence_number") long sequenceNumber,
      @JsonProperty("item_id") String itemId,
      @JsonProperty("output_index") int outputIndex,
      @JsonProperty("content_index") int contentIndex,
      String delta,
      List<Object> logprobs) {}

  record TextDoneEvent(
      String type,
      @JsonProperty("sequence_number") long sequenceNumber,
      @JsonProperty("item_id") String itemId,
      @JsonProperty("output_index") int outputIndex,
      @JsonProperty("content_index") int contentIndex,
      String text,
      List<Object> logprobs) {}

  record ArgumentsDeltaEvent(
      String type,
      @JsonProperty("sequence_number") long sequenceNumber,
      @JsonProperty("item_id") String itemId,
      @JsonProperty("output_index") int outputIndex,
      String delta) {}

  record ArgumentsDoneEvent(
      String type,
      @JsonProperty("sequence_number") long sequenceNumber,
      @JsonProperty("item_id") String itemId,
      @JsonProperty("output_index") int outputIndex,
      String name,
      String arguments) {}

  record SummaryPartEvent(
      String type,
      @JsonProperty("sequence_number") long sequenceNumber,
      @JsonProperty("item_id") String itemId,
      @JsonProperty("output_index") int outputIndex,
      @JsonProperty("summary_index") int summaryIndex,
      SummaryText part) {}

  record SummaryTextDeltaEvent(
      String type,
      @JsonProperty("sequence_number") long sequenceNumber,
      @JsonProperty("item_id") String itemId,
      @JsonProperty("output_index") int outputIndex,
      @JsonProperty("summary_index") int summaryIndex,
      String delta) {}

  record SummaryTextDoneEvent(
      String type,
      @JsonProperty("sequence_number") long sequenceNumber,
      @JsonProperty("item_id") String itemId,
      @JsonProperty("output_index") int outputIndex,
      @JsonProperty("summary_index") int summaryIndex,
      String text) {}

  /** A failure after the stream began. */
  record ErrorEvent(
      String type,
      @JsonProperty("sequence_number") long sequenceNumber,
      @JsonInclude(JsonInclude.Include.ALWAYS) String code,
      String message,
      @JsonInclude(JsonInclude.Include.ALWAYS) String param) {}
}
