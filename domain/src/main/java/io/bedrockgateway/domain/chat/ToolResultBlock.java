package io.bedrockgateway.domain.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a tool the model asked for returned. */
public record ToolResultBlock(
    String toolUseId, List<ToolResultContent> content, Optional<Status> status)
    implements ContentBlock {

  public enum Status {
    SUCCESS("success"),
    ERROR("error");

    private final String wireName;

    Status(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public ToolResultBlock {
    ToolName.require("toolUseId", toolUseId);
    content = List.copyOf(Objects.requireNonNull(content, "content"));
    Objects.requireNonNull(status, "status");
    if (content.isEmpty()) {
      throw new IllegalArgumentException("content must hold at least one block");
    }
  }
}
