package io.bedrockgateway.domain.chat;

import io.bedrockgateway.domain.media.BinaryData;
import io.bedrockgateway.domain.media.ImageFormat;
import java.util.Objects;

public record ImageBlock(ImageFormat format, BinaryData data)
    implements ContentBlock, ToolResultContent {
  public ImageBlock {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(data, "data");
  }
}
