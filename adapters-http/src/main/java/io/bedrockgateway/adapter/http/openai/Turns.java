package io.bedrockgateway.adapter.http.openai;

import io.bedrockgateway.adapter.http.common.RequestLimits;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.SystemBlock;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.ToolResultBlock;
import io.bedrockgateway.domain.chat.ToolUseBlock;
import io.bedrockgateway.domain.error.InvalidRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation as Bedrock takes it, built from OpenAI's messages: system and developer text joins
 * the system prompt, and consecutive turns of one author become one turn, as Bedrock wants user and
 * assistant to alternate (the results of parallel tool calls, each a {@code tool} message, go back
 * together in one user turn).
 */
final class Turns {
  private final List<SystemBlock> system = new ArrayList<>();
  private final List<ChatMessage> messages = new ArrayList<>();
  private Role role;
  private List<ContentBlock> pending = new ArrayList<>();

  void system(TextBlock text) {
    system.add(text);
  }

  void add(Role author, List<ContentBlock> content) {
    if (author != role) {
      flush();
      role = author;
    }
    pending.addAll(content);
    if (pending.size() > RequestLimits.MAX_CONTENT_BLOCKS) {
      throw new InvalidRequest(
          "messages: a turn may hold at most " + RequestLimits.MAX_CONTENT_BLOCKS + " parts");
    }
  }

  List<SystemBlock> system() {
    return system;
  }

  List<ChatMessage> messages() {
    flush();
    if (messages.isEmpty()) {
      throw new InvalidRequest("messages: must hold at least one user or assistant message");
    }
    return messages;
  }

  /** Whether the conversation holds tool calls or their results, which need the tools declared. */
  boolean usesTools() {
    flush();
    return messages.stream()
        .flatMap(message -> message.content().stream())
        .anyMatch(block -> block instanceof ToolUseBlock || block instanceof ToolResultBlock);
  }

  private void flush() {
    if (role != null && !pending.isEmpty()) {
      // Bedrock wants a turn's tool results before its text
      List<ContentBlock> ordered = new ArrayList<>();
      pending.stream().filter(ToolResultBlock.class::isInstance).forEach(ordered::add);
      pending.stream().filter(block -> !(block instanceof ToolResultBlock)).forEach(ordered::add);
      messages.add(new ChatMessage(role, ordered));
    }
    pending = new ArrayList<>();
  }
}
