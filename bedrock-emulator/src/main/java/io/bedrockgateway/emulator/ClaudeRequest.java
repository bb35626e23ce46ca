package io.bedrockgateway.emulator;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A valid Claude InvokeModel body, as the emulator answers it.
 *
 * @param conversation what the answer is made from, as for Converse: the texts, the last user
 *     message's directives, {@code max_tokens}, the tools, the prompt up to its last {@code
 *     cache_control} marker
 * @param thinkingBudget {@code thinking.budget_tokens} when extended thinking is enabled
 */
record ClaudeRequest(ConverseRequest conversation, OptionalInt thinkingBudget) {
  ClaudeRequest {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(thinkingBudget, "thinkingBudget");
  }
}
