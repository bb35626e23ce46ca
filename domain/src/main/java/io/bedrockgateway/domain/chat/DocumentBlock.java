package io.bedrockgateway.domain.chat;

import io.bedrockgateway.domain.media.BinaryData;
import java.util.Objects;

/** A document to read; models see its name, which Bedrock requires. */
public record DocumentBlock(DocumentFormat format, String name, BinaryData data)
    implements ContentBlock, ToolResultContent {
  public static final int MAX_NAME_LENGTH = 200;

  public DocumentBlock {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("name must be 1 to " + MAX_NAME_LENGTH + " characters");
    }
  }
}
