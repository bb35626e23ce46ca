package io.bedrockgateway.domain.chat;

import io.bedrockgateway.domain.json.JsonValue;
import java.util.Objects;

/** A tool result given as JSON. */
public record JsonBlock(JsonValue json) implements ToolResultContent {
  public JsonBlock {
    Objects.requireNonNull(json, "json");
  }
}
