package io.bedrockgateway.domain.chat;

import io.bedrockgateway.domain.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tools a model may ask for, and whether and which it must use. The list may hold prompt-cache
 * checkpoints among the tools.
 */
public record ToolConfig(List<Entry> tools, Optional<Choice> choice) {

  /** One entry of the tool list: a tool, or a prompt-cache checkpoint. */
  public sealed interface Entry permits Tool, CachePoint {}

  /** A tool, described for the model; {@code inputSchema} is a JSON schema. */
  public record Tool(String name, Optional<String> description, JsonValue inputSchema)
      implements Entry {
    public Tool {
      ToolName.require("name", name);
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(inputSchema, "inputSchema");
    }
  }

  /** Whether the model may answer without a tool, must use one, or must use a given one. */
  public sealed interface Choice {
    record Auto() implements Choice {}

    record Any() implements Choice {}

    record Named(String name) implements Choice {
      public Named {
        ToolName.require("name", name);
      }
    }
  }

  public ToolConfig {
    tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
    Objects.requireNonNull(choice, "choice");
    if (tools.stream().noneMatch(Tool.class::isInstance)) {
      throw new IllegalArgumentException("tools must hold at least one tool");
    }
  }
}
