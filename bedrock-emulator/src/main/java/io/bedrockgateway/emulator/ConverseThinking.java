package io.bedrockgateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Extended thinking of a Claude model called through Converse: {@code
 * additionalModelRequestFields.thinking} turns it on, and the reasoning blocks a request sends back
 * are checked as Claude checks them behind Bedrock, each refusal in its words after "The model
 * returned the following errors: " (0-based indexes): a reasoning text without its signature, a
 * signature that does not match its text, and, with thinking on, a last assistant turn of tool
 * calls that does not start with its reasoning. Other models ignore the field.
 */
final class ConverseThinking {
  static final int MIN_BUDGET = 1_024;
  private static final String MODEL_ERRORS = "The model returned the following errors: ";
  private static final String REASONING = "reasoningContent";
  private static final Map<String, String> CLAUDE_TYPES =
      Map.of(
          "text", "text",
          "image", "image",
          "document", "document",
          "toolUse", "tool_use",
          "toolResult", "tool_result");

  private ConverseThinking() {}

  /**
   * The thinking budget of a valid request, if it turned thinking on.
   *
   * @throws BedrockServiceException a ValidationException for what Claude refuses
   */
  static OptionalInt budget(JsonNode root, String modelId, ConverseRequest request) {
    if (!InvokeEndpoints.baseModelId(modelId).startsWith("anthropic.claude")) {
      return OptionalInt.empty();
    }
    JsonNode messages = root.path("messages");
    checkSignatures(messages);
    JsonNode thinking = root.path("additionalModelRequestFields").path("thinking");
    if (!thinking.path("type").asText().equals("enabled")) {
      return OptionalInt.empty();
    }
    JsonNode budget = thinking.get("budget_tokens");
    if (budget == null || !budget.isIntegralNumber()) {
      throw modelError("thinking.enabled.budget_tokens: Field required");
    }
    if (budget.asLong() < MIN_BUDGET) {
      throw modelError(
          "thinking.enabled.budget_tokens: Input should be greater than or equal to " + MIN_BUDGET);
    }
    if (request.maxTokens().isPresent() && request.maxTokens().getAsInt() <= budget.asLong()) {
      throw modelError("`max_tokens` must be greater than `thinking.budget_tokens`");
    }
    checkLastToolTurnStartsWithReasoning(messages);
    return OptionalInt.of(budget.intValue());
  }

  private static void checkSignatures(JsonNode messages) {
    for (int index = 0; index < messages.size(); index++) {
      JsonNode content = messages.get(index).path("content");
      for (int block = 0; block < content.size(); block++) {
        JsonNode text = content.get(block).path(REASONING).path("reasoningText");
        if (!text.isObject()) {
          continue;
        }
        String path = "messages." + index + ".content." + block;
        JsonNode signature = text.get("signature");
        if (signature == null || !signature.isTextual() || signature.asText().isEmpty()) {
          throw modelError(path + ".thinking.signature: Field required");
        }
        if (!signature.asText().equals(EmulatedReasoning.signatureOf(text.path("text").asText()))) {
          throw modelError(path + ": Invalid `signature` in `thinking` block");
        }
      }
    }
  }

  /**
   * With thinking on, the assistant turn whose tool calls the conversation ends by answering must
   * start with the reasoning the model gave before those calls.
   */
  private static void checkLastToolTurnStartsWithReasoning(JsonNode messages) {
    int last = messages.size() - 1;
    if (last < 1 || !answersToolCalls(messages.get(last))) {
      return;
    }
    JsonNode first = messages.get(last - 1).path("content").path(0);
    if (first.has(REASONING)) {
      return;
    }
    String found =
        CLAUDE_TYPES.entrySet().stream()
            .filter(type -> first.has(type.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("text");
    throw modelError(
        "messages."
            + (last - 1)
            + ".content.0.type: Expected `thinking` or `redacted_thinking`, but found `"
            + found
            + "`. When `thinking` is enabled, a final `assistant` message must start with a"
            + " thinking block (preceeding the lastmost set of `tool_use` and `tool_result`"
            + " blocks). We recommend you include thinking blocks from previous turns. To avoid"
            + " this requirement, disable `thinking`. Please consult our documentation at"
            + " https://docs.claude.com/en/docs/build-with-claude/extended-thinking");
  }

  private static boolean answersToolCalls(JsonNode message) {
    for (JsonNode block : message.path("content")) {
      if (block.has("toolResult")) {
        return true;
      }
    }
    return false;
  }

  private static BedrockServiceException modelError(String problem) {
    return BedrockServiceException.validation(MODEL_ERRORS + problem);
  }
}
