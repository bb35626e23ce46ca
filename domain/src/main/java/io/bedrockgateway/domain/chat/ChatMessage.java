package io.bedrockgateway.domain.chat;

import java.util.List;
import java.util.Objects;

public record ChatMessage(Role role, List<ContentBlock> content) {
  public ChatMessage {
    Objects.requireNonNull(role, "role");
    content = List.copyOf(Objects.requireNonNull(content, "content"));
    if (content.isEmpty()) {
      throw new IllegalArgumentException("content must not be empty");
    }
    if (role != Role.ASSISTANT
        && content.stream()
            .anyMatch(
                block ->
                    block instanceof ReasoningBlock || block instanceof RedactedReasoningBlock)) {
      throw new IllegalArgumentException("reasoning belongs to assistant turns only");
    }
  }

  public static ChatMessage text(Role role, String text) {
    return new ChatMessage(role, List.of(new TextBlock(text)));
  }
}
