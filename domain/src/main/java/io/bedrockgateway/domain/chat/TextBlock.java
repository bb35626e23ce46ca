package io.bedrockgateway.domain.chat;

import java.util.Objects;

public record TextBlock(String text) implements ContentBlock, ToolResultContent, SystemBlock {
  public TextBlock {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank");
    }
  }
}
