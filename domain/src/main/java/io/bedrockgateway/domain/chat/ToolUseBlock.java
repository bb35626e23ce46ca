package io.bedrockgateway.domain.chat;

import io.bedrockgateway.domain.json.JsonValue;
import java.util.Objects;

/** The model asked for a tool to be run with {@code input}. */
public record ToolUseBlock(String toolUseId, String name, JsonValue input) implements ContentBlock {
  public ToolUseBlock {
    ToolName.require("toolUseId", toolUseId);
    ToolName.require("name", name);
    Objects.requireNonNull(input, "input");
  }
}
